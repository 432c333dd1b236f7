using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Multiverse.Sdk.Logging;

namespace Multiverse.Sdk.Tests.Logging;

public sealed class LocalConsoleLoggingTests
{
    private static readonly Dictionary<string, string?> s_local = new()
    {
        ["AWS_SECRET_ACCESS_KEY"] = "local-secret-access-key",
    };

    [Fact]
    public void AddMultiverse_OutsideLambda_KeepsTheConsoleProviderAndNoJsonProvider()
    {
        using var host = new LoggingTestHost(s_local, addConsole: true);

        ILoggerProvider[] providers = [.. host.Host.Services.GetServices<ILoggerProvider>()];

        Assert.Single(providers.OfType<ConsoleLoggerProvider>());
        Assert.Empty(providers.OfType<LambdaJsonLoggerProvider>());
    }

    [Fact]
    public void AddMultiverse_InLambda_ReplacesTheConsoleProviderWithTheJsonProvider()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.Lambda, addConsole: true);

        ILoggerProvider[] providers = [.. host.Host.Services.GetServices<ILoggerProvider>()];

        Assert.Empty(providers.OfType<ConsoleLoggerProvider>());
        Assert.Single(providers.OfType<LambdaJsonLoggerProvider>());
    }

    [Fact]
    public void Log_OutsideLambda_WritesNothingToTheJsonOutput()
    {
        using var host = new LoggingTestHost(s_local, addConsole: true);

        host.CreateLogger().LogCritical("Written to the console only");

        Assert.Empty(host.Output);
    }

    [Fact]
    public void RedactingFormatter_WrappingSimple_WritesTheNormalConsoleFormat()
    {
        using var host = new LoggingTestHost(s_local, addConsole: true);
        ConsoleFormatter simple = SimpleFormatter(host);
        var redacting = new RedactingConsoleFormatter(simple, host.Host.Services.GetRequiredService<SecretRedactor>());

        string expected = Format(simple, "Order 42 paid");
        string actual = Format(redacting, "Order 42 paid");

        Assert.Equal(ConsoleFormatterNames.Simple, redacting.Name);
        Assert.Equal(expected, actual);
        Assert.StartsWith("info: Orders.Checkout[7]", actual, StringComparison.Ordinal);
        Assert.Contains("Order 42 paid", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactingFormatter_MessageWithASecret_ReplacesIt()
    {
        using var host = new LoggingTestHost(s_local, addConsole: true);
        var redacting = new RedactingConsoleFormatter(
            SimpleFormatter(host),
            host.Host.Services.GetRequiredService<SecretRedactor>());

        string output = Format(
            redacting,
            "Signing with local-secret-access-key",
            new InvalidOperationException("Rejected local-secret-access-key"));

        Assert.DoesNotContain("local-secret-access-key", output, StringComparison.Ordinal);
        Assert.Contains("Signing with [redacted]", output, StringComparison.Ordinal);
        Assert.Contains("Rejected [redacted]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PowertoolsFormatter_ChosenByNameOutsideLambda_WritesOneRedactedJsonLine()
    {
        using var host = new LoggingTestHost(s_local, addConsole: true);
        ConsoleFormatter formatter = host.Host.Services.GetServices<ConsoleFormatter>()
            .Single(candidate => candidate.Name == "powertools");

        string output = Format(formatter, "Signing with local-secret-access-key");

        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        JsonElement line = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Information", line.GetProperty("level").GetString());
        Assert.Equal("Signing with [redacted]", line.GetProperty("message").GetString());
        Assert.False(line.TryGetProperty("function_name", out _));
    }

    private static ConsoleFormatter SimpleFormatter(LoggingTestHost host) =>
        host.Host.Services.GetServices<ConsoleFormatter>()
            .Single(formatter => formatter.Name == ConsoleFormatterNames.Simple);

    private static string Format(ConsoleFormatter formatter, string message, Exception? exception = null)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(
            LogLevel.Information,
            "Orders.Checkout",
            new EventId(7),
            message,
            exception,
            (state, _) => state);
        formatter.Write(entry, scopeProvider: null, writer);
        return writer.ToString();
    }
}
