using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Multiverse.Sdk.Benchmarks.Documents;

/// <summary>
/// BenchmarkDotNet's short run, inside the benchmark process: no generated project to build, which on a busy
/// machine can outlast BenchmarkDotNet's build timeout, and a run of a few minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortInProcessJobAttribute : JobConfigBaseAttribute
{
    public ShortInProcessJobAttribute()
        : base(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"))
    {
    }
}
