using Amazon.Runtime;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// AWS client settings, bound from <c>Multiverse:Aws</c>.
/// </summary>
public sealed class AwsOptions
{
    /// <summary>
    /// Gets or sets the AWS region code, for example <c>eu-west-1</c>.
    /// </summary>
    /// <value>
    /// Defaults to <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the region of the selected profile.
    /// </value>
    public string? Region { get; set; }

    /// <summary>
    /// Gets or sets whether a region name the AWS SDK does not list yet is accepted, for regions opened after
    /// this SDK version was released. The name must still look like a region code.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>: an unknown region name stops start-up.</value>
    public bool AllowUnknownRegion { get; set; }

    /// <summary>
    /// Gets or sets the named profile from the shared AWS config and credentials files.
    /// </summary>
    /// <value>
    /// Defaults to none: credentials come from the standard chain, where <c>AWS_PROFILE</c> (or the
    /// <c>default</c> profile) is one of the sources.
    /// </value>
    public string? Profile { get; set; }

    /// <summary>Gets the optional role to assume through STS on top of the credentials the chain finds.</summary>
    public AssumeRoleOptions AssumeRole { get; } = new();

    /// <summary>Gets or sets how failed requests are retried.</summary>
    /// <value>Defaults to the AWS SDK's default, <see cref="RequestRetryMode.Standard"/>. Configuration accepts the
    /// names <c>Standard</c>, <c>Adaptive</c> and <c>Legacy</c>.</value>
    public RequestRetryMode? RetryMode { get; set; }

    /// <summary>Gets or sets the number of attempts per request, the first one included.</summary>
    /// <value>Defaults to the AWS SDK's default for the retry mode (3 for standard and adaptive).</value>
    public int? MaxAttempts { get; set; }

    /// <summary>Gets or sets the time one HTTP request may take.</summary>
    /// <value>Defaults to the AWS SDK's default (100 seconds).</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets the time allowed to open a connection.</summary>
    /// <value>Defaults to the AWS SDK's default.</value>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>Gets the DynamoDB client settings.</summary>
    public AwsServiceOptions DynamoDb { get; } = new();

    /// <summary>Gets the S3 client settings.</summary>
    public S3ServiceOptions S3 { get; } = new();

    /// <summary>Gets the STS client settings.</summary>
    public AwsServiceOptions Sts { get; } = new();

    /// <summary>
    /// Gets the fixed access key for local servers such as DynamoDB Local or an S3-compatible server.
    /// Never set these for AWS itself: use roles.
    /// </summary>
    /// <value>Defaults to unset: credentials come from the standard chain.</value>
    public LocalCredentialsOptions LocalCredentials { get; } = new();
}
