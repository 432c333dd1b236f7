using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Aws;

/// <summary>
/// A made-up environment for the AWS client setup: chosen environment variables, and a temporary home folder
/// whose <c>.aws/config</c> and <c>.aws/credentials</c> files the test writes.
/// </summary>
public sealed class AwsTestEnvironment : IDisposable, IEnvironmentVariables
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public AwsTestEnvironment()
    {
        HomeDirectory = Directory.CreateTempSubdirectory("multiverse-aws-").FullName;
        Directory.CreateDirectory(Path.Combine(HomeDirectory, ".aws"));
        _variables["HOME"] = HomeDirectory;
    }

    public string HomeDirectory { get; }

    public string ConfigFilePath => Path.Combine(HomeDirectory, ".aws", "config");

    public string CredentialsFilePath => Path.Combine(HomeDirectory, ".aws", "credentials");

    internal AwsEnvironment Environment => new(this);

    internal AwsProfiles Profiles => new(Environment);

    public AwsTestEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public AwsTestEnvironment WithConfigFile(string text)
    {
        File.WriteAllText(ConfigFilePath, text);
        return this;
    }

    public AwsTestEnvironment WithCredentialsFile(string text)
    {
        File.WriteAllText(CredentialsFilePath, text);
        return this;
    }

    public string WriteFile(string name, string text)
    {
        string path = Path.Combine(HomeDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    string? IEnvironmentVariables.Get(string name) => _variables.GetValueOrDefault(name);

    public void Dispose() => Directory.Delete(HomeDirectory, recursive: true);
}
