namespace Multiverse.Sdk.Configuration;

/// <summary>
/// Reads environment variables. Logging and the AWS client setup read the process environment through this seam so
/// tests can give each host its own environment instead of changing the process's one.
/// </summary>
internal interface IEnvironmentVariables
{
    /// <summary>Returns the value of the variable, or <see langword="null"/> when it is not set.</summary>
    string? Get(string name);
}
