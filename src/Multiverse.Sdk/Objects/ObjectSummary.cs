namespace Multiverse.Sdk.Objects;

/// <summary>
/// One object in a listing.
/// </summary>
public sealed class ObjectSummary
{
    /// <summary>Gets the object key.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the object's size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Gets the object's entity tag, in double quotes.</summary>
    public required string ETag { get; init; }

    /// <summary>Gets when the object was last written.</summary>
    public required DateTimeOffset LastModified { get; init; }
}
