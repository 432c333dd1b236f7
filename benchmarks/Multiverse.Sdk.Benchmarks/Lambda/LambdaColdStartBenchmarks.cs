using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Multiverse.Sdk.Tests.Infrastructure;
using Multiverse.Sdk.Tests.Lambda;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Benchmarks.Lambda;

/// <summary>
/// Cold start of the published test app: process start until the first invocation's response reaches the
/// Runtime API (Lambda hosting), next to process start until the first HTTP 200 (the same app on Kestrel).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 1, iterationCount: 10)]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class LambdaColdStartBenchmarks
{
    private static readonly byte[] s_event = ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/status/200"));

    private TestRuntimeApiServer _runtimeApi = null!;
    private PublishedApp _app = null!;
    private LambdaProcess? _process;
    private HttpClient _http = null!;

    public enum Host
    {
        LambdaJit,
        LambdaReadyToRun,
        LambdaNativeAot,
        KestrelJit,
        KestrelNativeAot,
    }

    [Params(Host.LambdaJit, Host.LambdaReadyToRun, Host.LambdaNativeAot, Host.KestrelJit, Host.KestrelNativeAot)]
    public Host Target { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var publisher = new LambdaAppPublisher(TestTools.RepositoryRoot, TestTools.Directory);
        LambdaAppFlavor flavor = Target switch
        {
            Host.LambdaJit or Host.KestrelJit => LambdaAppFlavor.Jit,
            Host.LambdaReadyToRun => LambdaAppFlavor.ReadyToRun,
            _ => LambdaAppFlavor.NativeAot,
        };
        _app = await publisher.PublishAsync(flavor);
        _runtimeApi = await TestRuntimeApiServer.StartAsync();
        _http = new HttpClient();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _runtimeApi.DisposeAsync();
    }

    [IterationCleanup]
    public void StopProcess()
    {
        _process?.Dispose();
        _process = null;
    }

    [Benchmark]
    public async Task ProcessStartToFirstResponse()
    {
        if (Target is Host.KestrelJit or Host.KestrelNativeAot)
        {
            await KestrelFirstResponseAsync();
            return;
        }

        // The invocation is queued first, as on Lambda, where the event is waiting when the runtime starts.
        Task<InvocationResult> result = _runtimeApi.InvokeAsync(s_event);
        _process = LambdaProcess.Start(_app, _runtimeApi.Address);
        (await result).RequireResponse();
    }

    private async Task KestrelFirstResponseAsync()
    {
        int port = FreePort.Next();
        string url = $"http://127.0.0.1:{port}";
        _process = LambdaProcess.Start(
            _app,
            runtimeApi: null,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url });
        var address = new Uri(url + "/status/200");
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await _http.GetAsync(address);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException)
            {
                // Not listening yet: try again at once, the way a load balancer's first request would.
            }
        }
    }
}
