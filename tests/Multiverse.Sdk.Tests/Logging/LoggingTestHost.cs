using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Logging;

namespace Multiverse.Sdk.Tests.Logging;

/// <summary>
/// A host built with AddMultiverse whose environment is given by the test and whose Lambda log output goes to a
/// stream the test reads, never to the real console.
/// </summary>
internal sealed class LoggingTestHost : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 123, TimeSpan.Zero);

    private readonly MemoryStream _output = new();

    public LoggingTestHost(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? configuration = null,
        bool addConsole = false)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = "logging-tests" });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        if (addConsole)
        {
            builder.Logging.AddConsole();
        }

        builder.Services.AddSingleton<IEnvironmentVariables>(new TestEnvironmentVariables(environment));
        builder.Services.AddSingleton(new LambdaLogOutput(_output));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        builder.AddMultiverse();
        Host = builder.Build();
    }

    public IHost Host { get; }

    public string Output => Encoding.UTF8.GetString(_output.ToArray());

    public ILogger CreateLogger(string category = "Orders.Checkout") =>
        Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    public IReadOnlyList<JsonElement> Lines()
    {
        var lines = new List<JsonElement>();
        foreach (string line in Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            lines.Add(document.RootElement.Clone());
        }

        return lines;
    }

    public JsonElement SingleLine() => Assert.Single(Lines());

    /// <summary>Builds a host, lets <paramref name="log"/> write through a logger and returns the one line.</summary>
    public static JsonElement WriteOneLine(
        IReadOnlyDictionary<string, string?> environment,
        Action<ILogger> log,
        IReadOnlyDictionary<string, string?>? configuration = null,
        string category = "Orders.Checkout")
    {
        using var host = new LoggingTestHost(environment, configuration);
        log(host.CreateLogger(category));
        return host.SingleLine();
    }

    public void Dispose()
    {
        Host.Dispose();
        _output.Dispose();
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTimeProvider(DateTimeOffset now)
        {
            _now = now;
        }

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
