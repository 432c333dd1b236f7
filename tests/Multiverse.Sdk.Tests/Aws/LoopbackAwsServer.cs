using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Aws;

/// <summary>
/// A Kestrel server on a free loopback port that records every request and answers with what the test gives,
/// standing in for an AWS endpoint (STS, DynamoDB, S3) so that requests can be inspected without reaching AWS.
/// </summary>
public sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<RecordedRequest, LoopbackResponse> _respond;

    private LoopbackAwsServer(Func<RecordedRequest, LoopbackResponse> respond)
    {
        _respond = respond;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackAwsServer> StartAsync(Func<RecordedRequest, LoopbackResponse> respond)
    {
        var server = new LoopbackAwsServer(respond);
        await server._app.StartAsync();
        string address = server._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(
                header => header.Key,
                header => header.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(request);

        LoopbackResponse response = _respond(request);
        context.Response.StatusCode = response.StatusCode;
        foreach ((string name, string value) in response.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }
}

/// <summary>A request the loopback server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>Gets the form fields of a query-protocol call such as STS's.</summary>
    public Dictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    /// <summary>Gets the Authorization header, or an empty string for an unsigned request.</summary>
    public string Authorization => Headers.TryGetValue("Authorization", out string? value) ? value : string.Empty;
}

/// <summary>What the loopback server answers.</summary>
public sealed record LoopbackResponse(
    int StatusCode,
    string ContentType,
    string Body,
    IReadOnlyList<(string Name, string Value)>? Headers = null);
