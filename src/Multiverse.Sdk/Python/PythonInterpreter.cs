using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Python;

/// <summary>Finds the configured interpreter, or explains which path was tried and how to fix the setting.</summary>
internal static class PythonInterpreter
{
    public const string SettingPath = "Multiverse:Python:InterpreterPath";

    public static string Resolve(string configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new MultiverseConfigurationException(
                $"Setting '{SettingPath}' is empty. Set it to a Python {PythonProtocol.MinimumVersion}+ interpreter, "
                + "for example python3 or .venv/bin/python "
                + $"({ConfigurationBinding.ToEnvironmentVariable(SettingPath)}).");
        }

        if (configured.Contains('/', StringComparison.Ordinal))
        {
            string path = Path.GetFullPath(configured, contentRoot);
            if (File.Exists(path))
            {
                return path;
            }

            throw NotFound(configured, $"'{path}' does not exist");
        }

        string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, configured);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw NotFound(
            configured,
            $"'{configured}' was not found on PATH ({string.Join(Path.PathSeparator, folders)})");
    }

    public static MultiverseConfigurationException TooOld(string interpreter, string reported) =>
        new(
            $"Setting '{SettingPath}' names '{interpreter}', which is too old: {reported.Trim()}. "
            + $"Point it at a Python {PythonProtocol.MinimumVersion} or newer interpreter "
            + $"({ConfigurationBinding.ToEnvironmentVariable(SettingPath)}).");

    private static MultiverseConfigurationException NotFound(string configured, string reason) =>
        new(
            $"Setting '{SettingPath}' is '{configured}', but no Python interpreter was found: {reason}. "
            + $"Install Python {PythonProtocol.MinimumVersion}+ or set the path of a virtual environment's python, "
            + $"for example .venv/bin/python ({ConfigurationBinding.ToEnvironmentVariable(SettingPath)}).");
}
