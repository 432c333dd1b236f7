using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>
/// One warm-up and three measured uploads of 1 GiB each per benchmark: a few minutes in all. Each benchmark runs in
/// its own process, so one upload's pooled buffers never count against the other's peak memory; workstation GC, as
/// a service in a Lambda container runs with. Building that process takes minutes on a busy two-core machine, hence
/// the long build timeout.
/// </summary>
public sealed class ObjectUploadBenchmarkConfig : ManualConfig
{
    public ObjectUploadBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcServer(false));
        AddColumn(new ThroughputColumn(), new PeakManagedMemoryColumn());
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
