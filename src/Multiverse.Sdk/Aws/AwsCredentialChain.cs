using Amazon.Runtime.CredentialManagement;
using Multiverse.Sdk.Configuration;
using Env = Multiverse.Sdk.Aws.AwsEnvironmentVariables;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Chooses where the AWS credentials come from, reading only environment variables and the shared files, so the
/// choice is made (and tested) without reaching AWS. The order follows the AWS SDK's default chain, with the
/// settings of <c>Multiverse:Aws</c> first because a written setting is the most deliberate choice.
/// </summary>
internal static class AwsCredentialChain
{
    /// <summary>Chooses the credential source, or throws when the environment is contradictory or empty.</summary>
    public static AwsCredentialSelection Select(AwsOptions options, AwsEnvironment environment, AwsProfiles profiles)
    {
        LocalCredentialsOptions local = options.LocalCredentials;
        if (!string.IsNullOrEmpty(local.AccessKeyId) && !string.IsNullOrEmpty(local.SecretAccessKey))
        {
            return new AwsCredentialSelection(AwsCredentialSource.LocalCredentials, AwsSettingPaths.LocalCredentials)
            {
                AccessKeyId = local.AccessKeyId,
                SecretAccessKey = local.SecretAccessKey,
            };
        }

        if (!string.IsNullOrWhiteSpace(options.Profile))
        {
            return FromNamedProfile(options.Profile.Trim(), AwsSettingPaths.Profile, profiles);
        }

        if (FromEnvironmentKeys(environment) is AwsCredentialSelection keys)
        {
            return keys;
        }

        if (FromWebIdentity(environment) is AwsCredentialSelection webIdentity)
        {
            return webIdentity;
        }

        if (environment.Get(Env.Profile) is string profileName)
        {
            return FromNamedProfile(profileName, Env.Profile, profiles);
        }

        if (profiles.TryGet(AwsProfiles.DefaultProfileName, out CredentialProfile profile, out var source)
            && profile.CanCreateAWSCredentials)
        {
            return FromProfile(profile, source, $"the '{AwsProfiles.DefaultProfileName}' profile");
        }

        if (environment.Get(Env.ContainerCredentialsRelativeUri) is not null
            || environment.Get(Env.ContainerCredentialsFullUri) is not null)
        {
            return new AwsCredentialSelection(
                AwsCredentialSource.ContainerCredentials,
                $"the container credentials endpoint ({Env.ContainerCredentialsRelativeUri} or "
                + $"{Env.ContainerCredentialsFullUri})");
        }

        if (environment.IsTrue(Env.Ec2MetadataDisabled))
        {
            throw new MultiverseConfigurationException(
                "No AWS credentials were found, and the EC2 instance metadata service is disabled "
                + $"({Env.Ec2MetadataDisabled}=true). Provide credentials in one of these ways: run under an IAM "
                + $"role (Lambda, ECS, EKS); set {Env.AccessKeyId} and {Env.SecretAccessKey}; set "
                + $"{Env.WebIdentityTokenFile} and {Env.RoleArn}; name a profile with {AwsSettingPaths.Profile} "
                + $"or {Env.Profile} (after 'aws sso login' for SSO profiles); or, for a local server only, set "
                + $"{AwsSettingPaths.AccessKeyId} and {AwsSettingPaths.SecretAccessKey}.");
        }

        return new AwsCredentialSelection(
            AwsCredentialSource.InstanceProfile,
            "the EC2 instance profile (instance metadata service), the last source of the chain");
    }

    private static AwsCredentialSelection? FromEnvironmentKeys(AwsEnvironment environment)
    {
        string? accessKeyId = environment.Get(Env.AccessKeyId);
        string? secretAccessKey = environment.Get(Env.SecretAccessKey);
        if (accessKeyId is null && secretAccessKey is null)
        {
            return null;
        }

        if (accessKeyId is null || secretAccessKey is null)
        {
            string missing = accessKeyId is null ? Env.AccessKeyId : Env.SecretAccessKey;
            string present = accessKeyId is null ? Env.SecretAccessKey : Env.AccessKeyId;
            throw new MultiverseConfigurationException(
                $"The environment variable {present} is set but {missing} is not. Set both, or neither to let the "
                + "credential chain look further (web identity, profiles, container, instance profile).");
        }

        string? sessionToken = environment.Get(Env.SessionToken);
        string description = sessionToken is null
            ? $"the environment variables {Env.AccessKeyId} and {Env.SecretAccessKey}"
            : $"the environment variables {Env.AccessKeyId}, {Env.SecretAccessKey} and {Env.SessionToken}";
        return new AwsCredentialSelection(AwsCredentialSource.EnvironmentVariables, description)
        {
            AccessKeyId = accessKeyId,
            SecretAccessKey = secretAccessKey,
            SessionToken = sessionToken,
        };
    }

    private static AwsCredentialSelection? FromWebIdentity(AwsEnvironment environment)
    {
        string? tokenFile = environment.Get(Env.WebIdentityTokenFile);
        if (tokenFile is null)
        {
            return null;
        }

        string roleArn = environment.Get(Env.RoleArn) ?? throw new MultiverseConfigurationException(
            $"The environment variable {Env.WebIdentityTokenFile} is set but {Env.RoleArn} is not. Set "
            + $"{Env.RoleArn} to the ARN of the role the token is exchanged for, for example "
            + "arn:aws:iam::123456789012:role/deploy.");
        return new AwsCredentialSelection(
            AwsCredentialSource.WebIdentityToken,
            $"the web identity token file {tokenFile} for role {roleArn} ({Env.WebIdentityTokenFile}, {Env.RoleArn})")
        {
            WebIdentityTokenFile = tokenFile,
            RoleArn = roleArn,
            RoleSessionName = environment.Get(Env.RoleSessionName),
        };
    }

    private static AwsCredentialSelection FromNamedProfile(string name, string namedBy, AwsProfiles profiles)
    {
        if (!profiles.TryGet(name, out CredentialProfile profile, out var source))
        {
            throw new MultiverseConfigurationException(
                $"The AWS profile '{name}' named by {namedBy} was not found in {profiles.FilesDescription}. "
                + $"Create it (for example with 'aws configure --profile {name}' or 'aws configure sso'), or "
                + $"correct {namedBy}.");
        }

        if (!profile.CanCreateAWSCredentials)
        {
            throw new MultiverseConfigurationException(
                $"The AWS profile '{name}' named by {namedBy} holds no credentials settings. Add an access key, "
                + "SSO settings (sso_session or sso_start_url), role_arn with source_profile or credential_source, "
                + $"or credential_process to it in {profiles.FilesDescription}.");
        }

        return FromProfile(profile, source, $"profile '{name}' (named by {namedBy})");
    }

    private static AwsCredentialSelection FromProfile(
        CredentialProfile profile,
        ICredentialProfileSource source,
        string description)
    {
        CredentialProfileOptions settings = profile.Options;
        (AwsCredentialSource kind, string detail) = settings switch
        {
            _ when !string.IsNullOrEmpty(settings.SsoSession) || !string.IsNullOrEmpty(settings.SsoStartUrl) =>
                (AwsCredentialSource.SsoProfile, "SSO"),
            _ when !string.IsNullOrEmpty(settings.RoleArn) && !string.IsNullOrEmpty(settings.WebIdentityTokenFile) =>
                (AwsCredentialSource.WebIdentityProfile, $"web identity for role {settings.RoleArn}"),
            _ when !string.IsNullOrEmpty(settings.RoleArn) =>
                (AwsCredentialSource.AssumeRoleProfile, $"assumes role {settings.RoleArn}"),
            _ when !string.IsNullOrEmpty(settings.CredentialProcess) =>
                (AwsCredentialSource.CredentialProcessProfile, "credential_process"),
            _ => (AwsCredentialSource.Profile, "access key"),
        };
        return new AwsCredentialSelection(kind, $"{description}, {detail}")
        {
            Profile = profile,
            ProfileSource = source,
        };
    }
}
