namespace Multiverse.Sdk.Aws;

/// <summary>
/// Where the AWS credentials come from, in the order the chain looks.
/// </summary>
internal enum AwsCredentialSource
{
    /// <summary>The fixed key of <c>Multiverse:Aws:LocalCredentials</c>, for local servers.</summary>
    LocalCredentials,

    /// <summary>
    /// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>, as Lambda sets them.
    /// </summary>
    EnvironmentVariables,

    /// <summary><c>AWS_WEB_IDENTITY_TOKEN_FILE</c> with <c>AWS_ROLE_ARN</c>, as GitLab OIDC jobs and EKS use.</summary>
    WebIdentityToken,

    /// <summary>A profile with an access key in the shared files.</summary>
    Profile,

    /// <summary>A profile that signs in through IAM Identity Center (SSO).</summary>
    SsoProfile,

    /// <summary>A profile that assumes a role from another profile or credential source.</summary>
    AssumeRoleProfile,

    /// <summary>A profile that assumes a role with a web identity token file.</summary>
    WebIdentityProfile,

    /// <summary>A profile that runs a <c>credential_process</c>.</summary>
    CredentialProcessProfile,

    /// <summary>The ECS or EKS container credentials endpoint.</summary>
    ContainerCredentials,

    /// <summary>The EC2 instance profile, read from the instance metadata service.</summary>
    InstanceProfile,
}
