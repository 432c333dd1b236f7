using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>
/// One warm-up and three measured uploads of 1 GiB each per benchmark: a few minutes in all. The benchmarks run in
/// process (workstation GC, as a service in a Lambda container runs with): building a separate benchmark project
/// takes longer than the measurements on a shared two-core machine.
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
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new ThroughputColumn(), new PeakManagedMemoryColumn());
    }
}
