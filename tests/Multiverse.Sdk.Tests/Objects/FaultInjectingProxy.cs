using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// A loopback HTTP proxy in front of a real server that answers chosen requests with 500 InternalError instead of
/// forwarding them, to watch how a client copes with a server fault. It forwards the client's Host header and raw
/// request target unchanged, so SigV4 signatures still verify at the server.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_hopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Expect", "Keep-Alive",
    };

    private readonly Uri _target;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private WebApplication? _app;
    private int _failedRequests;

    private FaultInjectingProxy(Uri target)
    {
        _target = target;
    }

    /// <summary>Gets the proxy's address.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Gets or sets which requests fail; called once per request, before forwarding.</summary>
    public Func<HttpRequest, bool> ShouldFail { get; set; } = _ => false;

    /// <summary>Gets how many requests were failed on purpose.</summary>
    public int FailedRequests => Volatile.Read(ref _failedRequests);

    public static async Task<FaultInjectingProxy> StartAsync(Uri target)
    {
        var proxy = new FaultInjectingProxy(target);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        proxy._app = builder.Build();
        proxy._app.Run(proxy.HandleAsync);
        await proxy._app.StartAsync();
        string address = proxy._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        proxy.Url = new Uri(address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _client.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (ShouldFail(context.Request))
        {
            Interlocked.Increment(ref _failedRequests);
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                "<Error><Code>InternalError</Code><Message>Injected by the test proxy.</Message></Error>");
            return;
        }

        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, rawTarget));
        // Content headers such as Content-Type are signed even on requests without a body, so they need a content.
        if (context.Request.ContentLength is not null
            || context.Request.ContentType is not null
            || context.Request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(context.Request.Body);
        }

        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            if (!s_hopHeaders.Contains(header.Key)
                && !forward.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
            {
                forward.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }
        }

        forward.Headers.Host = context.Request.Host.Value;
        using HttpResponseMessage response = await _client.SendAsync(
            forward,
            HttpCompletionOption.ResponseHeadersRead,
            context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content.Headers))
        {
            if (!s_hopHeaders.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
