namespace Multiverse.Sdk.Objects;

/// <summary>
/// The server-side encryption S3 applies to an object at rest.
/// </summary>
public enum ObjectEncryption
{
    /// <summary>No encryption is requested; the bucket's default encryption applies.</summary>
    None,

    /// <summary>Keys managed by S3 (SSE-S3, <c>AES256</c>).</summary>
    S3Managed,

    /// <summary>A KMS key (SSE-KMS, <c>aws:kms</c>), named by <see cref="ObjectPutOptions.KmsKeyId"/>.</summary>
    Kms,
}
