using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// The environment variables and shared files the AWS client setup reads. Injected so that every combination
/// can be tested without touching the process environment or the user's home folder.
/// </summary>
internal sealed class AwsEnvironment
{
    private readonly IEnvironmentVariables _variables;

    public AwsEnvironment(IEnvironmentVariables variables)
    {
        _variables = variables;
    }

    /// <summary>
    /// Gets the shared credentials file: <c>AWS_SHARED_CREDENTIALS_FILE</c>, else <c>~/.aws/credentials</c>.
    /// </summary>
    public string CredentialsFilePath =>
        Get(AwsEnvironmentVariables.SharedCredentialsFile) ?? Path.Combine(HomeDirectory, ".aws", "credentials");

    /// <summary>Gets the shared config file: <c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>.</summary>
    public string ConfigFilePath =>
        Get(AwsEnvironmentVariables.ConfigFile) ?? Path.Combine(HomeDirectory, ".aws", "config");

    private string HomeDirectory => Get("HOME") ?? Get("USERPROFILE") ?? Environment.CurrentDirectory;

    /// <summary>Returns the variable's value, or <see langword="null"/> when it is unset or blank.</summary>
    public string? Get(string name)
    {
        string? value = _variables.Get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Returns whether the variable is set to <c>true</c>, in any letter case.</summary>
    public bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);
}
