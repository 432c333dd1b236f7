using System.Collections;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Builds a Python process's environment: the host's variables minus those whose names mark them as secret,
/// plus the ones configuration passes through or sets.
/// </summary>
internal static class PythonEnvironment
{
    private static readonly string[] s_secretNames =
    [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    ];

    private static readonly string[] s_secretWords =
        ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL", "API_KEY", "APIKEY", "PRIVATE_KEY"];

    public static bool IsSecret(string name) =>
        s_secretNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || s_secretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static Dictionary<string, string> Build(PythonOptions options, IDictionary hostVariables)
    {
        var passThrough = new HashSet<string>(options.PassThroughEnvironmentVariables, StringComparer.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in hostVariables)
        {
            if (entry.Key is string name
                && entry.Value is string value
                && (passThrough.Contains(name) || !IsSecret(name)))
            {
                environment[name] = value;
            }
        }

        foreach ((string name, string value) in options.EnvironmentVariables)
        {
            environment[name] = value;
        }

        // Python's own output must be UTF-8 whatever the container's locale says, or the host's logs get mojibake.
        environment.TryAdd("PYTHONIOENCODING", "utf-8:backslashreplace");
        return environment;
    }
}
