namespace Multiverse.Sdk.Objects;

/// <summary>
/// What a write (put or copy) reports about the object it created.
/// </summary>
public sealed class ObjectWriteResult
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The object key written.</param>
    /// <param name="etag">The new object's entity tag.</param>
    public ObjectWriteResult(string key, string etag)
    {
        Key = key;
        ETag = etag;
    }

    /// <summary>Gets the object key written.</summary>
    public string Key { get; }

    /// <summary>Gets the new object's entity tag, in double quotes; pass it to
    /// <see cref="ObjectPutOptions.IfMatch"/>.</summary>
    public string ETag { get; }
}
