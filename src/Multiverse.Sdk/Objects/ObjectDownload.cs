namespace Multiverse.Sdk.Objects;

/// <summary>
/// The result of <see cref="IObjectStore.GetAsync"/>: the object's properties and a stream of its bytes.
/// Dispose it to release the connection or file.
/// </summary>
public sealed class ObjectDownload : IAsyncDisposable, IDisposable
{
    internal ObjectDownload(
        string etag,
        ObjectProperties? properties,
        Stream content,
        long contentLength,
        ObjectByteRange? range)
    {
        ETag = etag;
        Properties = properties;
        Content = content;
        ContentLength = contentLength;
        Range = range;
    }

    /// <summary>
    /// Gets whether the object still has the ETag given in <see cref="ObjectGetOptions.IfNoneMatch"/>; then
    /// <see cref="Content"/> is empty and <see cref="Properties"/> is <see langword="null"/>.
    /// </summary>
    public bool IsNotModified => Properties is null;

    /// <summary>Gets the object's entity tag.</summary>
    public string ETag { get; }

    /// <summary>Gets the object's properties, or <see langword="null"/> when <see cref="IsNotModified"/>.</summary>
    public ObjectProperties? Properties { get; }

    /// <summary>Gets the bytes read: the whole object, or only <see cref="Range"/>.</summary>
    public Stream Content { get; }

    /// <summary>Gets the number of bytes <see cref="Content"/> holds.</summary>
    public long ContentLength { get; }

    /// <summary>Gets the bytes returned when a range was asked for, with the end resolved.</summary>
    public ObjectByteRange? Range { get; }

    internal static ObjectDownload NotModified(string etag) => new(etag, null, Stream.Null, 0, null);

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
