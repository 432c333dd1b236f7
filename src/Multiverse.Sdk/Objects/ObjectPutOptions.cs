namespace Multiverse.Sdk.Objects;

/// <summary>
/// How an object is written by <see cref="IObjectStore.PutAsync"/>.
/// </summary>
public sealed class ObjectPutOptions
{
    /// <summary>Gets or sets the media type returned with the object, for example <c>image/png</c>.</summary>
    /// <value>Defaults to <c>application/octet-stream</c>.</value>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets the <c>Cache-Control</c> header returned with the object.</summary>
    /// <value>Defaults to none.</value>
    public string? CacheControl { get; set; }

    /// <summary>
    /// Gets the user metadata stored with the object. Names are stored in lower case, as S3 does.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, string> Metadata { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the server-side encryption of the object.</summary>
    /// <value>Defaults to <see cref="ObjectEncryption.None"/>, leaving it to the bucket's default.</value>
    public ObjectEncryption Encryption { get; set; }

    /// <summary>Gets or sets the KMS key id or ARN used with <see cref="ObjectEncryption.Kms"/>.</summary>
    /// <value>Defaults to the account's AWS managed key for S3.</value>
    public string? KmsKeyId { get; set; }

    /// <summary>
    /// Gets or sets whether the write only succeeds when no object has the key yet (<c>If-None-Match: *</c>);
    /// otherwise it throws <see cref="ObjectAlreadyExistsException"/>.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool CreateOnly { get; set; }

    /// <summary>
    /// Gets or sets the ETag the current object must have for the write to succeed (<c>If-Match</c>); otherwise
    /// it throws <see cref="ObjectPreconditionFailedException"/>.
    /// </summary>
    /// <value>Defaults to none: the write replaces whatever is there.</value>
    public string? IfMatch { get; set; }
}
