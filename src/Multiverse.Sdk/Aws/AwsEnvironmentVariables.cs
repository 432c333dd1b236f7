namespace Multiverse.Sdk.Aws;

/// <summary>
/// The names of the standard AWS environment variables the client setup reads.
/// </summary>
internal static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string Profile = "AWS_PROFILE";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string WebIdentityTokenFile = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public const string RoleArn = "AWS_ROLE_ARN";
    public const string RoleSessionName = "AWS_ROLE_SESSION_NAME";
    public const string ContainerCredentialsRelativeUri = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public const string ContainerCredentialsFullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public const string Ec2MetadataDisabled = "AWS_EC2_METADATA_DISABLED";
    public const string SharedCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE";
    public const string ConfigFile = "AWS_CONFIG_FILE";
}
