using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>
/// A thousand small calls awaited one after another inside one async method, as a request handler would make
/// them: no thread blocks between calls, so this is the latency of a call without the harness's wake-up.
/// Every call is also timed on its own; the cleanup prints the per-call p50 and p99 of all measured calls.
/// </summary>
[Config(typeof(Config))]
public class PythonSequentialCallBenchmarks
{
    private const int Calls = 1000;

    private readonly List<long> _ticks = new(Calls * 64);
    private PythonBenchmarkHost _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = PythonBenchmarkHost.Start();
        WorkerPool().GetAwaiter().GetResult();
        _ticks.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        long[] sorted = [.. _ticks.Order()];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Python per-call latency over {sorted.Length} calls: p50 {Micro(sorted, 0.50):F1} us, "
            + $"p99 {Micro(sorted, 0.99):F1} us"));
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task WorkerPool()
    {
        for (int index = 0; index < Calls; index++)
        {
            long started = Stopwatch.GetTimestamp();
            await _host.CallAsync(PythonBenchmarkHost.Small).ConfigureAwait(false);
            _ticks.Add(Stopwatch.GetTimestamp() - started);
        }
    }

    private static double Micro(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)(quantile * (sorted.Length - 1))] * 1e6 / Stopwatch.Frequency;

    private sealed class Config() : PythonBenchmarkConfig(warmupCount: 3, iterationCount: 15);
}
