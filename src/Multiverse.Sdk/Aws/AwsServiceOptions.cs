namespace Multiverse.Sdk.Aws;

/// <summary>
/// Settings for one AWS service client, bound from <c>Multiverse:Aws:&lt;Service&gt;</c>.
/// </summary>
public class AwsServiceOptions
{
    /// <summary>
    /// Gets or sets an absolute endpoint URL that replaces the AWS endpoint, for local or compatible servers.
    /// Requests are still signed for <see cref="AwsOptions.Region"/>.
    /// </summary>
    /// <value>Defaults to none: the client calls AWS's endpoint for the region.</value>
    public Uri? ServiceUrl { get; set; }
}
