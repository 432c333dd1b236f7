namespace Multiverse.Sdk.Objects;

/// <summary>
/// What <see cref="IObjectStore.HeadAsync"/> reports about an object.
/// </summary>
public sealed class ObjectProperties
{
    /// <summary>Gets the object key.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the size of the whole object in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Gets the entity tag, in double quotes as S3 returns it.</summary>
    public required string ETag { get; init; }

    /// <summary>Gets the media type stored with the object.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets the <c>Cache-Control</c> value stored with the object, if any.</summary>
    public string? CacheControl { get; init; }

    /// <summary>Gets when the object was last written.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Gets the user metadata, with lower-case names.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Gets the server-side encryption reported for the object.</summary>
    public ObjectEncryption Encryption { get; init; }

    /// <summary>Gets the KMS key that encrypts the object, when <see cref="Encryption"/> is KMS.</summary>
    public string? KmsKeyId { get; init; }
}
