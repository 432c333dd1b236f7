namespace Multiverse.Sdk.Aws;

/// <summary>
/// A role assumed through STS on top of the base credentials, bound from <c>Multiverse:Aws:AssumeRole</c>.
/// </summary>
public sealed class AssumeRoleOptions
{
    /// <summary>Gets or sets the ARN of the role to assume; when empty, no role is assumed.</summary>
    /// <value>Defaults to none.</value>
    public string? RoleArn { get; set; }

    /// <summary>
    /// Gets or sets the external id the role's trust policy requires, if any. It never appears in logs.
    /// </summary>
    /// <value>Defaults to none.</value>
    public string? ExternalId { get; set; }

    /// <summary>Gets or sets the role session name that appears in CloudTrail.</summary>
    /// <value>Defaults to the service name, with characters STS refuses replaced by <c>-</c>.</value>
    public string? SessionName { get; set; }

    /// <summary>Gets or sets how long each set of temporary credentials lasts.</summary>
    /// <value>Defaults to one hour; STS accepts 15 minutes to 12 hours.</value>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);
}
