using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>A started host with the default Python pool over the benchmark modules, and the payloads.</summary>
public sealed class PythonBenchmarkHost : IDisposable
{
    public const string Small = "small";
    public const string OneMiB = "1MiB";

    private PythonBenchmarkHost(IHost host)
    {
        Host = host;
        Pool = host.Services.GetRequiredService<IPythonWorkerPool>();
        Scripts = host.Services.GetRequiredService<IPythonScriptRunner>();
    }

    public static string ModuleFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Python", "modules");

    public static string LargeText { get; } = new('x', 1024 * 1024 - 16);

    /// <summary>
    /// Gets the real python3 binary. On the build machines python3 is pyenv's shim, a shell script that costs a
    /// second start per process under load; a container image runs its python directly, so the benchmarks do too.
    /// </summary>
    public static string Interpreter { get; } = FindInterpreter();

    public IHost Host { get; }

    public IPythonWorkerPool Pool { get; }

    public IPythonScriptRunner Scripts { get; }

    public static PythonBenchmarkHost Start(int? poolSize = null)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Multiverse:Python:ModulePath"] = ModuleFolder,
            ["Multiverse:Python:InterpreterPath"] = Interpreter,
            ["Multiverse:Python:PoolSize"] = poolSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddMultiverse().AddPython();
        IHost host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        return new PythonBenchmarkHost(host);
    }

    /// <summary>Calls the worker pool the way the benchmarks do, for the given payload.</summary>
    public Task CallAsync(string payload) => payload == Small
        ? Pool.CallAsync(
            "bench:add",
            new AddArguments(1, 2),
            PythonBenchmarkJsonContext.Default.AddArguments,
            PythonBenchmarkJsonContext.Default.Int32,
            CancellationToken.None)
        : Pool.CallAsync(
            "bench:echo",
            new EchoArguments(LargeText),
            PythonBenchmarkJsonContext.Default.EchoArguments,
            PythonBenchmarkJsonContext.Default.String,
            CancellationToken.None);

    /// <summary>The baseline: a fresh interpreter per call, the same JSON in and out.</summary>
    public async Task CallInNewProcessAsync(string payload)
    {
        string function = payload == Small ? "add" : "echo";
        string input = payload == Small ? """{"a":1,"b":2}""" : $$"""{"payload":"{{LargeText}}"}""";
        PythonScriptResult result = await Scripts.RunAsync(
            "bench_once.py",
            [function],
            input,
            cancellationToken: CancellationToken.None);
        if (result.ExitCode != 0 || result.StandardOutput.Length == 0)
        {
            throw new InvalidOperationException($"The baseline script failed: {result.StandardError}");
        }
    }

    private static string FindInterpreter()
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"])
        {
            RedirectStandardOutput = true,
        };
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(startInfo)!;
        string executable = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return executable;
    }

    public void Dispose()
    {
        Host.StopAsync().GetAwaiter().GetResult();
        Host.Dispose();
    }
}
