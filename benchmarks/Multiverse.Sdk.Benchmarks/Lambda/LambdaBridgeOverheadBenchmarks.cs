using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Multiverse.Sdk.Lambda;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Benchmarks.Lambda;

/// <summary>
/// What the API Gateway bridge adds to one warm request, in-process: reading the event, building the request,
/// buffering the response and writing the result document, against running the same app's request pipeline
/// directly with minimal features. The machine may be shared: compare the Min columns, which other processes'
/// load inflates least.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MinColumn]
[MedianColumn]
[MemoryDiagnoser]
public class LambdaBridgeOverheadBenchmarks
{
    private static readonly TestRequest s_request = new("GET", "/hello", "name=world")
    {
        Headers = [new("Accept", "application/json"), new("User-Agent", "benchmark")],
    };

    private static readonly byte[] s_httpApiEvent = ApiGatewayEvents.HttpApiV2(s_request);
    private static readonly byte[] s_restApiEvent = ApiGatewayEvents.RestApiV1(s_request);

    private WebApplication _app = null!;
    private ApplicationCapture _server = null!;
    private ApiGatewayBridge _bridge = null!;
    private ILambdaContext _lambdaContext = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddMultiverse().AddLambdaHosting();
        _server = new ApplicationCapture();
        builder.Services.AddSingleton<IServer>(_server);
        _app = builder.Build();
        _app.MapGet("/hello", (string name) => Results.Text($"hello {name}", "text/plain"));
        await _app.StartAsync();

        _bridge = new ApiGatewayBridge(
            NullLogger.Instance,
            includeExceptionDetails: false,
            TimeSpan.FromSeconds(1),
            TimeProvider.System);
        var invocation = new RuntimeInvocation(
            "request-id",
            DateTimeOffset.UtcNow.AddDays(1),
            TestRuntimeApiServer.FunctionArn,
            "Root=1-00000000-000000000000000000000001",
            null,
            null,
            s_httpApiEvent);
        _lambdaContext = new LambdaContext(
            invocation,
            LambdaFunctionDescription.FromEnvironment(),
            isColdStart: false,
            TimeProvider.System);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task PipelineDirectly() => _server.ServeDirectlyAsync();

    [Benchmark]
    public Task BridgeHttpApiPayload2() =>
        _server.ServeThroughBridgeAsync(_bridge, _lambdaContext, s_httpApiEvent);

    [Benchmark]
    public Task BridgeRestApiPayload1() =>
        _server.ServeThroughBridgeAsync(_bridge, _lambdaContext, s_restApiEvent);

    /// <summary>An <see cref="IServer"/> that only keeps the application so the benchmark can call it.</summary>
    private sealed class ApplicationCapture : IServer
    {
        private Func<Task>? _serveDirectly;
        private Func<ApiGatewayBridge, ILambdaContext, byte[], Task<InvocationOutcome>>? _serveThroughBridge;

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task ServeDirectlyAsync() => _serveDirectly!();

        public Task<InvocationOutcome> ServeThroughBridgeAsync(
            ApiGatewayBridge bridge,
            ILambdaContext context,
            byte[] payload) =>
            _serveThroughBridge!(bridge, context, payload);

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            _serveDirectly = () => ServeDirectlyAsync(application);
            _serveThroughBridge = (bridge, context, payload) => bridge.InvokeAsync(application, context, payload);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }

        private static async Task ServeDirectlyAsync<TContext>(IHttpApplication<TContext> application)
            where TContext : notnull
        {
            // The least a server must provide: a request, a response and a body to write into.
            var features = new FeatureCollection();
            var request = new HttpRequestFeature
            {
                Method = "GET",
                Path = "/hello",
                QueryString = "?name=world",
                Protocol = "HTTP/1.1",
                Scheme = "https",
            };
            request.Headers["Accept"] = "application/json";
            request.Headers["User-Agent"] = "benchmark";
            using var body = new MemoryStream();
            features.Set<IHttpRequestFeature>(request);
            features.Set<IHttpResponseFeature>(new HttpResponseFeature());
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
            TContext context = application.CreateContext(features);
            await application.ProcessRequestAsync(context);
            application.DisposeContext(context, null);
        }
    }
}
