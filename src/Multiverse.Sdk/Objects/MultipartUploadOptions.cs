namespace Multiverse.Sdk.Objects;

/// <summary>
/// How large objects are uploaded, bound from <c>Multiverse:Objects:Multipart</c>. An upload holds at most
/// <see cref="MaxConcurrentParts"/> part buffers of <see cref="PartSize"/> bytes, whatever the object's size.
/// </summary>
public sealed class MultipartUploadOptions
{
    /// <summary>The smallest part S3 accepts, except for the last part: 5 MiB.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the size from which a stream of known length is uploaded in parts. A stream of unknown
    /// length is uploaded in parts once it is longer than one part.
    /// </summary>
    /// <value>Defaults to 16 MiB.</value>
    public long Threshold { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets the size of each part; S3 accepts 5 MiB to 5 GiB.</summary>
    /// <value>
    /// Defaults to 8 MiB. It grows for a stream of known length that would otherwise need more than 10,000 parts.
    /// </value>
    public int PartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Gets or sets how many parts are uploaded at the same time, which is also how many buffers
    /// exist.</summary>
    /// <value>Defaults to 4.</value>
    public int MaxConcurrentParts { get; set; } = 4;

    /// <summary>Gets or sets how many times one part is tried before the whole upload is aborted.</summary>
    /// <value>Defaults to 3.</value>
    public int PartAttempts { get; set; } = 3;
}
