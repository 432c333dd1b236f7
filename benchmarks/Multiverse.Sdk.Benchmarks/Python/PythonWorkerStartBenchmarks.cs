using BenchmarkDotNet.Attributes;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>
/// What a cold start costs: running an empty script in a fresh python3 (the baseline) against starting a host
/// whose pool has one worker ready to serve, then stopping it.
/// </summary>
[Config(typeof(Config))]
public class PythonWorkerStartBenchmarks
{
    private PythonBenchmarkHost _scripts = null!;

    [GlobalSetup]
    public void Setup() => _scripts = PythonBenchmarkHost.Start(poolSize: 1);

    [GlobalCleanup]
    public void Cleanup() => _scripts.Dispose();

    [Benchmark(Baseline = true)]
    public Task EmptyScriptInNewProcess() =>
        _scripts.Scripts.RunAsync("empty.py", cancellationToken: CancellationToken.None);

    [Benchmark]
    public void StartOneWorkerPool()
    {
        using PythonBenchmarkHost host = PythonBenchmarkHost.Start(poolSize: 1);
    }

    private sealed class Config() : PythonBenchmarkConfig(warmupCount: 3, iterationCount: 20);
}
