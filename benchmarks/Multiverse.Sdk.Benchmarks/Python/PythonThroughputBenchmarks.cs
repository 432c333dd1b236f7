using BenchmarkDotNet.Attributes;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>
/// Eight concurrent callers of small calls on the default pool; the reported time is per call, so calls per
/// second is one second divided by it.
/// </summary>
[Config(typeof(Config))]
public class PythonThroughputBenchmarks
{
    private const int Callers = 8;
    private const int CallsPerCaller = 2000;
    private const int ProcessCallsPerCaller = 2;

    private PythonBenchmarkHost _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = PythonBenchmarkHost.Start();
        WorkerPool().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * ProcessCallsPerCaller)]
    public Task ProcessPerCall() => RunCallersAsync(
        ProcessCallsPerCaller,
        () => _host.CallInNewProcessAsync(PythonBenchmarkHost.Small));

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task WorkerPool() => RunCallersAsync(CallsPerCaller, () => _host.CallAsync(PythonBenchmarkHost.Small));

    private static Task RunCallersAsync(int calls, Func<Task> call) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            for (int index = 0; index < calls; index++)
            {
                await call().ConfigureAwait(false);
            }
        })));

    private sealed class Config() : PythonBenchmarkConfig(warmupCount: 2, iterationCount: 10);
}
