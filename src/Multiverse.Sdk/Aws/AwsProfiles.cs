using Amazon.Runtime.CredentialManagement;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Reads named profiles from the shared AWS config and credentials files, through the AWS SDK's own parser so
/// that every profile kind the AWS CLI writes (keys, SSO, assume-role, credential process) reads the same way.
/// </summary>
internal sealed class AwsProfiles
{
    public const string DefaultProfileName = "default";

    private readonly AwsEnvironment _environment;

    public AwsProfiles(AwsEnvironment environment)
    {
        _environment = environment;
    }

    /// <summary>Gets a description of the files read, for messages.</summary>
    public string FilesDescription => $"{_environment.CredentialsFilePath} or {_environment.ConfigFilePath}";

    /// <summary>
    /// Looks up <paramref name="name"/>. The SDK reads the config file named by <c>AWS_CONFIG_FILE</c>, else the
    /// <c>config</c> file next to the credentials file.
    /// </summary>
    public bool TryGet(string name, out CredentialProfile profile, out ICredentialProfileSource source)
    {
        var file = new SharedCredentialsFile(_environment.CredentialsFilePath);
        source = file;
        return file.TryGetProfile(name, out profile);
    }

    /// <summary>Returns the region written in the profile, or <see langword="null"/>.</summary>
    public string? GetRegion(string name) =>
        TryGet(name, out CredentialProfile profile, out _) ? profile.Region?.SystemName : null;
}
