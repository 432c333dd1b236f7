using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Multiverse.Sdk.Benchmarks.Python;

/// <summary>
/// One invocation per iteration, in process (the worker processes are the thing measured, not a second host),
/// with median, P95 and P99 columns: with one call per iteration they are per-call latencies. Outliers are
/// kept, since the tail is what P99 is about.
/// </summary>
public abstract class PythonBenchmarkConfig : ManualConfig
{
    protected PythonBenchmarkConfig(int warmupCount, int iterationCount)
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(warmupCount)
            .WithIterationCount(iterationCount)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column());
    }
}
