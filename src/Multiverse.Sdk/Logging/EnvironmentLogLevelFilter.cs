using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Applies the level asked for by <c>AWS_LAMBDA_LOG_LEVEL</c> or <c>POWERTOOLS_LOG_LEVEL</c> as the default level of
/// every category. Registered after the <c>Logging</c> configuration section's rules, it replaces
/// <c>Logging:LogLevel:Default</c>; rules for a named category or provider stay more specific and still apply.
/// </summary>
internal sealed class EnvironmentLogLevelFilter : IConfigureOptions<LoggerFilterOptions>
{
    private readonly LoggingEnvironment _environment;

    public EnvironmentLogLevelFilter(LoggingEnvironment environment)
    {
        _environment = environment;
    }

    public void Configure(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (_environment.MinimumLevel is LogLevel level)
        {
            options.MinLevel = level;
            options.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: null, level, filter: null));
        }
    }
}
