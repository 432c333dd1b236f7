using BenchmarkDotNet.Attributes;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>
/// Sequential calls, one call per measured iteration, so the Median and P99 columns are per-call latencies:
/// a fresh python3 per call (the baseline) against the worker pool, for a small and a 1 MiB payload.
/// </summary>
[Config(typeof(Config))]
public class PythonCallLatencyBenchmarks
{
    private PythonBenchmarkHost _host = null!;

    [Params(PythonBenchmarkHost.Small, PythonBenchmarkHost.OneMiB)]
    public string Payload { get; set; } = PythonBenchmarkHost.Small;

    [GlobalSetup]
    public void Setup()
    {
        _host = PythonBenchmarkHost.Start();
        for (int index = 0; index < 200; index++)
        {
            _host.CallAsync(Payload).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public Task ProcessPerCall() => _host.CallInNewProcessAsync(Payload);

    [Benchmark]
    public Task WorkerPool() => _host.CallAsync(Payload);

    private sealed class Config() : PythonBenchmarkConfig(warmupCount: 20, iterationCount: 200);
}
