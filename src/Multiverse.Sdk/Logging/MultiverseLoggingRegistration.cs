using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Chooses the log format: Powertools-style JSON lines inside Lambda, the normal console format elsewhere; both with
/// secret values redacted.
/// </summary>
internal static class MultiverseLoggingRegistration
{
    public static void AddMultiverseLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        IServiceCollection services = builder.Services;
        services.TryAddSingleton<IEnvironmentVariables, ProcessEnvironmentVariables>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => LambdaLogOutput.StandardOutput());
        services.TryAddSingleton<LoggingEnvironment>();
        services.TryAddSingleton<ColdStartTracker>();
        services.TryAddSingleton(provider => new SecretRedactor(
            provider.GetService<IConfiguration>(),
            provider.GetRequiredService<IEnvironmentVariables>()));
        services.TryAddSingleton<LogServiceName>();
        services.TryAddSingleton<PowertoolsJsonFormatter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, PowertoolsJsonFormatter>(
            provider => provider.GetRequiredService<PowertoolsJsonFormatter>()));
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, EnvironmentLogLevelFilter>());

        // Which provider to use depends on the environment, which is only known once services resolve; the console
        // provider registered by the host builder is taken out here and created again, redacting, by the factory.
        bool consoleRegistered = RemoveConsoleProvider(services);
        services.AddSingleton(provider => CreateProvider(provider, consoleRegistered));
    }

    private static bool RemoveConsoleProvider(IServiceCollection services)
    {
        bool removed = false;
        for (int index = services.Count - 1; index >= 0; index--)
        {
            ServiceDescriptor descriptor = services[index];
            if (descriptor.ServiceType == typeof(ILoggerProvider)
                && !descriptor.IsKeyedService
                && descriptor.ImplementationType == typeof(ConsoleLoggerProvider))
            {
                services.RemoveAt(index);
                removed = true;
            }
        }

        return removed;
    }

    private static ILoggerProvider CreateProvider(IServiceProvider provider, bool consoleRegistered)
    {
        if (provider.GetRequiredService<LoggingEnvironment>().IsLambda)
        {
            return new LambdaJsonLoggerProvider(
                provider.GetRequiredService<PowertoolsJsonFormatter>(),
                provider.GetRequiredService<LambdaLogOutput>());
        }

        if (!consoleRegistered)
        {
            return NullLoggerProvider.Instance;
        }

        SecretRedactor redactor = provider.GetRequiredService<SecretRedactor>();
        ConsoleFormatter[] formatters =
        [
            .. provider.GetServices<ConsoleFormatter>()
                .Select(formatter => new RedactingConsoleFormatter(formatter, redactor)),
        ];
        return new ConsoleLoggerProvider(
            provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            formatters);
    }
}
