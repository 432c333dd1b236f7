using Multiverse.Sdk.Aws;

namespace Multiverse.Sdk.Hosting;

/// <summary>
/// The root of the <c>Multiverse</c> configuration section.
/// </summary>
public sealed class MultiverseOptions
{
    /// <summary>The name of the configuration section the SDK binds from.</summary>
    public const string SectionName = "Multiverse";

    /// <summary>
    /// Gets or sets the service name used in logs and metrics.
    /// </summary>
    /// <value>
    /// Defaults to the application name. <c>POWERTOOLS_SERVICE_NAME</c>, when set, takes precedence in logs, as it
    /// does for Powertools for AWS Lambda.
    /// </value>
    public string? ServiceName { get; set; }

    /// <summary>
    /// Gets the AWS client settings: region, credentials, assume-role, retries, timeouts and endpoints.
    /// </summary>
    public AwsOptions Aws { get; } = new();
}
