namespace Multiverse.Sdk.Objects;

/// <summary>
/// How an object is read by <see cref="IObjectStore.GetAsync"/>.
/// </summary>
public sealed class ObjectGetOptions
{
    /// <summary>Gets or sets the bytes to read.</summary>
    /// <value>Defaults to the whole object.</value>
    public ObjectByteRange? Range { get; set; }

    /// <summary>
    /// Gets or sets an ETag the caller already holds. When the object still has it, nothing is read and the
    /// result reports <see cref="ObjectDownload.IsNotModified"/>.
    /// </summary>
    /// <value>Defaults to none.</value>
    public string? IfNoneMatch { get; set; }
}
