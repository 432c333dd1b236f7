namespace Multiverse.Sdk.Aws;

/// <summary>
/// The full configuration paths of the AWS settings, as error messages and logs name them.
/// </summary>
internal static class AwsSettingPaths
{
    public const string Section = "Multiverse:Aws";
    public const string Region = Section + ":" + nameof(AwsOptions.Region);
    public const string AllowUnknownRegion = Section + ":" + nameof(AwsOptions.AllowUnknownRegion);
    public const string Profile = Section + ":" + nameof(AwsOptions.Profile);
    public const string RetryMode = Section + ":" + nameof(AwsOptions.RetryMode);
    public const string MaxAttempts = Section + ":" + nameof(AwsOptions.MaxAttempts);
    public const string Timeout = Section + ":" + nameof(AwsOptions.Timeout);
    public const string ConnectTimeout = Section + ":" + nameof(AwsOptions.ConnectTimeout);
    public const string AssumeRole = Section + ":" + nameof(AwsOptions.AssumeRole);
    public const string RoleArn = AssumeRole + ":" + nameof(AssumeRoleOptions.RoleArn);
    public const string ExternalId = AssumeRole + ":" + nameof(AssumeRoleOptions.ExternalId);
    public const string SessionName = AssumeRole + ":" + nameof(AssumeRoleOptions.SessionName);
    public const string Duration = AssumeRole + ":" + nameof(AssumeRoleOptions.Duration);
    public const string LocalCredentials = Section + ":" + nameof(AwsOptions.LocalCredentials);
    public const string AccessKeyId = LocalCredentials + ":" + nameof(LocalCredentialsOptions.AccessKeyId);
    public const string SecretAccessKey = LocalCredentials + ":" + nameof(LocalCredentialsOptions.SecretAccessKey);

    /// <summary>Returns the endpoint setting of one client, such as <c>Multiverse:Aws:S3:ServiceUrl</c>.</summary>
    public static string ServiceUrl(string service) => $"{Section}:{service}:{nameof(AwsServiceOptions.ServiceUrl)}";
}
