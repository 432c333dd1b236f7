using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Logging;

public sealed class LogLevelEnvironmentTests
{
    [Fact]
    public void PowertoolsLogLevel_Debug_EnablesDebugButNotTrace()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", "Debug")));
        ILogger logger = host.CreateLogger();

        logger.LogTrace("Not written");
        logger.LogDebug("Written");

        Assert.Equal("Written", host.SingleLine().GetProperty("message").GetString());
    }

    [Fact]
    public void LambdaLogLevel_Warn_EnablesWarningButNotInformation()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(("AWS_LAMBDA_LOG_LEVEL", "WARN")));
        ILogger logger = host.CreateLogger();

        logger.LogInformation("Not written");
        logger.LogWarning("Written");

        Assert.Equal("Written", host.SingleLine().GetProperty("message").GetString());
    }

    [Fact]
    public void LambdaLogLevel_BothSet_TakesPrecedenceOverPowertoolsLogLevel()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(
            ("AWS_LAMBDA_LOG_LEVEL", "ERROR"),
            ("POWERTOOLS_LOG_LEVEL", "Debug")));

        ILogger logger = host.CreateLogger();

        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void PowertoolsLogLevel_Set_ReplacesTheConfiguredDefaultLevel()
    {
        using var host = new LoggingTestHost(
            TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", "Error")),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });

        ILogger logger = host.CreateLogger();

        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void PowertoolsLogLevel_Set_LeavesConfiguredCategoryLevelsInForce()
    {
        using var host = new LoggingTestHost(
            TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", "Debug")),
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft"] = "Warning" });

        Assert.False(host.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(host.CreateLogger("Orders.Checkout").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void NoLevelVariable_KeepsTheConfiguredDefaultLevel()
    {
        using var host = new LoggingTestHost(
            TestEnvironmentVariables.Lambda,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });

        ILogger logger = host.CreateLogger();

        Assert.True(logger.IsEnabled(LogLevel.Debug));
        Assert.False(logger.IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void LambdaProviderSection_InConfiguration_SetsTheLevelOfTheJsonOutput()
    {
        using var host = new LoggingTestHost(
            TestEnvironmentVariables.Lambda,
            new Dictionary<string, string?> { ["Logging:Lambda:LogLevel:Default"] = "Warning" });
        ILogger logger = host.CreateLogger();

        logger.LogInformation("Not written");
        logger.LogWarning("Written");

        Assert.Equal("Written", host.SingleLine().GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    public void LambdaLogLevel_LambdaName_MapsToTheDotNetLevel(string name, LogLevel expected)
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(("AWS_LAMBDA_LOG_LEVEL", name)));

        AssertMinimumLevel(host.CreateLogger(), expected);
    }

    [Theory]
    [InlineData("Trace", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("Error", LogLevel.Error)]
    [InlineData("Critical", LogLevel.Critical)]
    [InlineData("fatal", LogLevel.Critical)]
    public void PowertoolsLogLevel_DotNetOrLambdaName_MapsToTheDotNetLevel(string name, LogLevel expected)
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", name)));

        AssertMinimumLevel(host.CreateLogger(), expected);
    }

    [Fact]
    public void PowertoolsLogLevel_None_WritesNothing()
    {
        using var host = new LoggingTestHost(TestEnvironmentVariables.LambdaWith(("POWERTOOLS_LOG_LEVEL", "None")));

        host.CreateLogger().LogCritical("Not written");

        Assert.Empty(host.Output);
    }

    [Theory]
    [InlineData("POWERTOOLS_LOG_LEVEL")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL")]
    public void LevelVariable_NotALevel_StopsStartUpNamingTheVariable(string variable)
    {
        MultiverseConfigurationException exception = Assert.Throws<MultiverseConfigurationException>(
            () => new LoggingTestHost(TestEnvironmentVariables.LambdaWith((variable, "verbose"))).Dispose());

        Assert.Contains(variable, exception.Message, StringComparison.Ordinal);
        Assert.Contains("'verbose'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Information", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PowertoolsLogLevel_OutsideLambda_AppliesToo()
    {
        using var host = new LoggingTestHost(
            new Dictionary<string, string?> { ["POWERTOOLS_LOG_LEVEL"] = "Trace" },
            addConsole: true);

        AssertMinimumLevel(host.CreateLogger(), LogLevel.Trace);
    }

    private static void AssertMinimumLevel(ILogger logger, LogLevel expected)
    {
        Assert.True(logger.IsEnabled(expected), $"{expected} should be enabled.");
        if (expected > LogLevel.Trace)
        {
            Assert.False(logger.IsEnabled(expected - 1), $"{expected - 1} should not be enabled.");
        }
    }
}
