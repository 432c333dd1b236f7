using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Logging;

/// <summary>
/// An environment of the test's own, so tests never change the process's variables and can run in parallel.
/// </summary>
internal sealed class TestEnvironmentVariables : IEnvironmentVariables
{
    private readonly Dictionary<string, string?> _variables;

    public TestEnvironmentVariables(IReadOnlyDictionary<string, string?> variables)
    {
        _variables = new Dictionary<string, string?>(variables, StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, string?> Lambda { get; } = new Dictionary<string, string?>
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "orders-api",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
    };

    public static IReadOnlyDictionary<string, string?> LambdaWith(params (string Name, string? Value)[] variables)
    {
        var merged = new Dictionary<string, string?>(Lambda);
        foreach ((string name, string? value) in variables)
        {
            merged[name] = value;
        }

        return merged;
    }

    public string? Get(string name) => _variables.GetValueOrDefault(name);
}
