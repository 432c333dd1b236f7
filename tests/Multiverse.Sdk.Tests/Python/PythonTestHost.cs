using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Python;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Python;

/// <summary>A real host with <c>AddPython()</c> over the test modules, started and stopped by the test.</summary>
public sealed class PythonTestHost : IAsyncDisposable
{
    private PythonTestHost(IHost host, CapturingLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
    }

    public static string ModuleFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Python", "modules");

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public IPythonWorkerPool Pool => Host.Services.GetRequiredService<IPythonWorkerPool>();

    public IPythonScriptRunner Scripts => Host.Services.GetRequiredService<IPythonScriptRunner>();

    internal PythonWorkerPool PoolInternals => Host.Services.GetRequiredService<PythonWorkerPool>();

    /// <summary>Builds a host without starting it, so a test can watch start-up fail.</summary>
    public static PythonTestHost Build(
        Action<PythonOptions>? configure = null,
        Dictionary<string, string?>? settings = null)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var all = new Dictionary<string, string?>
        {
            ["Multiverse:Python:ModulePath"] = ModuleFolder,
            ["Multiverse:Python:PoolSize"] = "2",
            ["Multiverse:Python:EnvironmentVariables:PYTHONDONTWRITEBYTECODE"] = "1",
        };
        foreach ((string key, string? value) in settings ?? [])
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.AddMultiverse().AddPython(configure);
        return new PythonTestHost(builder.Build(), logs);
    }

    public static async Task<PythonTestHost> StartAsync(
        Action<PythonOptions>? configure = null,
        Dictionary<string, string?>? settings = null)
    {
        PythonTestHost host = Build(configure, settings);
        try
        {
            await host.Host.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            if (Host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                Host.Dispose();
            }
        }
    }
}
