using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.TestApps.LambdaApp;
using Multiverse.Sdk.Tests.Infrastructure;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>
/// The test app twice, in-process: once on Kestrel, once serving the test Runtime API. Both impose the same
/// function timeout, so one request gives the same observable response through either.
/// </summary>
public sealed class LambdaHostingFixture : IAsyncLifetime
{
    public static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(1);

    private WebApplication? _lambdaApp;
    private WebApplication? _kestrelApp;

    public TestRuntimeApiServer RuntimeApi { get; private set; } = null!;

    public HttpClient Kestrel { get; private set; } = null!;

    public CapturingLoggerProvider LambdaLogs { get; } = new();

    public async Task InitializeAsync()
    {
        RuntimeApi = await TestRuntimeApiServer.StartAsync();
        _lambdaApp = BuildApp(
            new Dictionary<string, string?>
            {
                ["Multiverse:Lambda:RuntimeApi"] = RuntimeApi.Address,
                ["Multiverse:Lambda:DeadlineMargin"] = DeadlineMargin.ToString(),
            },
            LambdaLogs,
            Environments.Production);
        await _lambdaApp.StartAsync();

        int port = FreePort.Next();
        _kestrelApp = BuildApp(
            new Dictionary<string, string?>
            {
                ["Multiverse:Lambda:FunctionTimeout"] = FunctionTimeout.ToString(),
                ["Multiverse:Lambda:DeadlineMargin"] = DeadlineMargin.ToString(),
            },
            logs: null,
            Environments.Production,
            $"http://127.0.0.1:{port}");
        await _kestrelApp.StartAsync();
        Kestrel = new HttpClient(new SocketsHttpHandler { UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
    }

    public static WebApplication BuildApp(
        Dictionary<string, string?> settings,
        CapturingLoggerProvider? logs,
        string environment,
        string? kestrelUrl = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        if (kestrelUrl is not null)
        {
            builder.WebHost.UseUrls(kestrelUrl);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
        }

        builder.AddMultiverse().AddLambdaHosting();
        WebApplication app = builder.Build();
        LambdaAppEndpoints.Map(app);
        return app;
    }

    public async Task<ObservedResponse> SendToKestrelAsync(TestRequest request)
    {
        using HttpRequestMessage message = request.ToHttpRequest(Kestrel.BaseAddress!);
        using HttpResponseMessage response = await Kestrel.SendAsync(message);
        return await ObservedResponse.FromHttpAsync(response);
    }

    public async Task<ObservedResponse> InvokeAsync(byte[] apiGatewayEvent)
    {
        InvocationResult result = await RuntimeApi.InvokeAsync(apiGatewayEvent, FunctionTimeout);
        return ApiGatewayEvents.ParseResult(result.RequireResponse());
    }

    public async Task DisposeAsync()
    {
        Kestrel?.Dispose();
        if (_kestrelApp is not null)
        {
            await _kestrelApp.StopAsync();
            await _kestrelApp.DisposeAsync();
        }

        if (_lambdaApp is not null)
        {
            await _lambdaApp.StopAsync();
            await _lambdaApp.DisposeAsync();
        }

        if (RuntimeApi is not null)
        {
            await RuntimeApi.DisposeAsync();
        }
    }
}
