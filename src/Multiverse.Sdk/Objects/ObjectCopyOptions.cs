namespace Multiverse.Sdk.Objects;

/// <summary>
/// How <see cref="IObjectStore.CopyAsync"/> treats the copy's properties.
/// </summary>
public sealed class ObjectCopyOptions
{
    /// <summary>
    /// Gets or sets whether the copy takes <see cref="ContentType"/>, <see cref="CacheControl"/> and
    /// <see cref="Metadata"/> from here instead of from the source object.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>: the copy keeps the source's properties.</value>
    public bool ReplaceMetadata { get; set; }

    /// <summary>Gets or sets the copy's media type when <see cref="ReplaceMetadata"/> is set.</summary>
    /// <value>Defaults to <c>application/octet-stream</c>.</value>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets the copy's <c>Cache-Control</c> when <see cref="ReplaceMetadata"/> is set.</summary>
    /// <value>Defaults to none.</value>
    public string? CacheControl { get; set; }

    /// <summary>Gets the copy's user metadata when <see cref="ReplaceMetadata"/> is set.</summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, string> Metadata { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
