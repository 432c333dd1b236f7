namespace Multiverse.Sdk.Aws;

/// <summary>
/// The values sent with each STS <c>AssumeRole</c> call, defaults applied.
/// </summary>
/// <param name="RoleArn">The role to assume.</param>
/// <param name="SessionName">The role session name.</param>
/// <param name="ExternalId">The external id, when the role's trust policy requires one.</param>
/// <param name="Duration">How long each set of credentials lasts.</param>
internal sealed record AssumeRoleRequestSettings(
    string RoleArn,
    string SessionName,
    string? ExternalId,
    TimeSpan Duration);
