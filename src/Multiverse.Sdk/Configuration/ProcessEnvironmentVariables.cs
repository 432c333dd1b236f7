namespace Multiverse.Sdk.Configuration;

/// <summary>The real environment of the process.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
