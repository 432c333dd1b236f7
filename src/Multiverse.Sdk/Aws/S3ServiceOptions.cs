namespace Multiverse.Sdk.Aws;

/// <summary>
/// S3 client settings, bound from <c>Multiverse:Aws:S3</c>.
/// </summary>
public sealed class S3ServiceOptions : AwsServiceOptions
{
    /// <summary>Gets or sets whether bucket names go in the path instead of the host name.</summary>
    /// <value>
    /// Defaults to <see langword="true"/> when <see cref="AwsServiceOptions.ServiceUrl"/> names a host outside
    /// <c>amazonaws.com</c>, otherwise to the AWS SDK's default.
    /// </value>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// Gets or sets whether uploads carry a checksum only when S3 requires one. Most S3-compatible servers
    /// reject the streaming checksum trailers the AWS SDK sends by default.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="true"/> when <see cref="AwsServiceOptions.ServiceUrl"/> names a host outside
    /// <c>amazonaws.com</c>, otherwise to the AWS SDK's default.
    /// </value>
    public bool? ChecksumOnlyWhenRequired { get; set; }
}
