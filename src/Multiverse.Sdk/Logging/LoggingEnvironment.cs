using System.Globalization;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// What logging reads from the environment: whether the process runs in Lambda, the function's static facts, the
/// Powertools service name and the minimum level.
/// </summary>
internal sealed class LoggingEnvironment
{
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersionVariable = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string FunctionMemorySizeVariable = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    public const string ServiceNameVariable = "POWERTOOLS_SERVICE_NAME";
    public const string PowertoolsLogLevelVariable = "POWERTOOLS_LOG_LEVEL";
    public const string LambdaLogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    public LoggingEnvironment(IEnvironmentVariables variables)
    {
        ArgumentNullException.ThrowIfNull(variables);

        FunctionName = NullIfEmpty(variables.Get(FunctionNameVariable));
        FunctionVersion = NullIfEmpty(variables.Get(FunctionVersionVariable));
        FunctionMemorySize = int.TryParse(
            variables.Get(FunctionMemorySizeVariable),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out int memorySize)
            ? memorySize
            : null;
        ServiceName = NullIfEmpty(variables.Get(ServiceNameVariable)?.Trim());
        MinimumLevel = ReadMinimumLevel(variables);
    }

    /// <summary>Gets a value indicating whether the process runs in Lambda.</summary>
    public bool IsLambda => FunctionName is not null;

    public string? FunctionName { get; }

    public string? FunctionVersion { get; }

    public int? FunctionMemorySize { get; }

    /// <summary>Gets <c>POWERTOOLS_SERVICE_NAME</c>, or <see langword="null"/> when it is not set.</summary>
    public string? ServiceName { get; }

    /// <summary>
    /// Gets the minimum level the environment asks for: <c>AWS_LAMBDA_LOG_LEVEL</c> first, because Lambda drops
    /// every line below it anyway, then <c>POWERTOOLS_LOG_LEVEL</c>; <see langword="null"/> when neither is set.
    /// </summary>
    public LogLevel? MinimumLevel { get; }

    private static LogLevel? ReadMinimumLevel(IEnvironmentVariables variables)
    {
        return ReadLevel(variables, LambdaLogLevelVariable) ?? ReadLevel(variables, PowertoolsLogLevelVariable);
    }

    private static LogLevel? ReadLevel(IEnvironmentVariables variables, string name)
    {
        string? value = NullIfEmpty(variables.Get(name)?.Trim());
        if (value is null)
        {
            return null;
        }

        if (!LogLevelNames.TryParse(value, out LogLevel level))
        {
            throw new MultiverseConfigurationException(
                $"The environment variable {name} is '{value}', which is not a log level. "
                + $"Set it to one of {LogLevelNames.Accepted}, or remove it to keep the configured level.");
        }

        return level;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
