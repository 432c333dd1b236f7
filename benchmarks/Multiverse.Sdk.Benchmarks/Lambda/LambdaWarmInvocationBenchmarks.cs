using BenchmarkDotNet.Attributes;
using Multiverse.Sdk.Tests.Infrastructure;
using Multiverse.Sdk.Tests.Lambda;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Benchmarks.Lambda;

/// <summary>
/// A warm invocation through the Runtime API: the event is queued, the published app fetches it, serves it and
/// posts the response. Includes the loopback Runtime API's own work, as on Lambda.
/// </summary>
[ShortRunJob]
[MedianColumn]
public class LambdaWarmInvocationBenchmarks
{
    private static readonly byte[] s_event = ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/status/200"));

    private TestRuntimeApiServer _runtimeApi = null!;
    private LambdaProcess _process = null!;

    [Params(LambdaAppFlavor.Jit, LambdaAppFlavor.NativeAot)]
    public LambdaAppFlavor Flavor { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var publisher = new LambdaAppPublisher(TestTools.RepositoryRoot, TestTools.Directory);
        PublishedApp app = await publisher.PublishAsync(Flavor);
        _runtimeApi = await TestRuntimeApiServer.StartAsync();
        _process = LambdaProcess.Start(app, _runtimeApi.Address);
        for (int warmup = 0; warmup < 200; warmup++)
        {
            await InvokeAsync();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _process.Dispose();
        await _runtimeApi.DisposeAsync();
    }

    [Benchmark]
    public async Task<byte[]> InvokeAsync() => (await _runtimeApi.InvokeAsync(s_event)).RequireResponse();
}
