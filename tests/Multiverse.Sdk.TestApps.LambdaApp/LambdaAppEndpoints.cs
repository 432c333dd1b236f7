using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Multiverse.Sdk.Lambda;

namespace Multiverse.Sdk.TestApps.LambdaApp;

/// <summary>
/// The endpoints of the test app. Each answers with what it saw of the request, so one request can be
/// compared across Kestrel and the Lambda Runtime API.
/// </summary>
public static partial class LambdaAppEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        string[] methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
        app.MapMethods("/echo/{**rest}", methods, EchoAsync);
        app.MapGet("/bytes/{count:int}", (int count) => Results.Bytes(Pattern(count), "application/octet-stream"));
        app.MapGet(
            "/text/{count:int}",
            (int count) => Results.Text(new string('x', count), "text/plain; charset=utf-8"));
        app.MapGet("/cookies", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", "abc123", new CookieOptions { HttpOnly = true, Path = "/" });
            context.Response.Cookies.Append("theme", "dark");
            return Results.Text("cookies set");
        });
        app.MapGet("/headers", (HttpContext context) =>
        {
            context.Response.Headers.Append("X-Multi", "first");
            context.Response.Headers.Append("X-Multi", "second");
            context.Response.Headers["X-Single"] = "only";
            return Results.Text("headers set");
        });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/throw", ThrowingEndpoint);
        app.MapGet("/throw-after-start", ThrowAfterStartAsync);
        app.MapGet("/slow", SlowAsync);
        app.MapGet("/context", WriteLambdaContextAsync);
        app.MapGet("/log", (ILoggerFactory loggers) =>
        {
            LogInsideRequest(loggers.CreateLogger("LambdaApp"));
            return Results.Text("logged");
        });
    }

    public static byte[] Pattern(int count)
    {
        byte[] bytes = new byte[count];
        for (int index = 0; index < count; index++)
        {
            bytes[index] = (byte)(index % 251);
        }

        return bytes;
    }

    [LoggerMessage(1, LogLevel.Information, "Inside the request")]
    private static partial void LogInsideRequest(ILogger logger);

    private static IResult ThrowingEndpoint() =>
        throw new InvalidOperationException("The endpoint failed on purpose.");

    private static async Task ThrowAfterStartAsync(HttpContext context)
    {
        await context.Response.WriteAsync("partial");
        await context.Response.Body.FlushAsync();
        throw new InvalidOperationException("The endpoint failed after starting its response.");
    }

    private static async Task SlowAsync(HttpContext context)
    {
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        byte[] content = body.ToArray();

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            HttpRequest request = context.Request;
            writer.WriteStartObject();
            writer.WriteString("method", request.Method);
            writer.WriteString("path", request.Path.Value);
            writer.WriteStartObject("query");
            foreach (KeyValuePair<string, StringValues> parameter in
                request.Query.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(parameter.Key);
                foreach (string? value in parameter.Value)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("headers");
            foreach (string name in new[] { "X-Custom", "X-Repeated", "Content-Type", "Content-Length" })
            {
                if (request.Headers.TryGetValue(name, out StringValues values))
                {
                    // A list header may arrive as separate values or as one comma-joined value; both mean the same.
                    IEnumerable<string> items = values.SelectMany(value => (value ?? string.Empty).Split(','));
                    writer.WriteString(name, string.Join(",", items.Select(item => item.Trim())));
                }
            }

            writer.WriteEndObject();
            writer.WriteStartObject("cookies");
            foreach (KeyValuePair<string, string> cookie in request.Cookies.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.WriteString(cookie.Key, cookie.Value);
            }

            writer.WriteEndObject();
            writer.WriteNumber("bodyLength", content.Length);
            writer.WriteString("bodySha256", Convert.ToHexString(SHA256.HashData(content)));
            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory);
    }

    private static async Task WriteLambdaContextAsync(HttpContext context, ILambdaContextAccessor accessor)
    {
        ILambdaContext? lambda = context.GetLambdaContext();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("isLambda", lambda is not null);
            writer.WriteBoolean("accessorMatches", ReferenceEquals(lambda, accessor.LambdaContext));
            if (lambda is not null)
            {
                writer.WriteString("requestId", lambda.RequestId);
                writer.WriteString("invokedFunctionArn", lambda.InvokedFunctionArn);
                writer.WriteString("functionName", lambda.FunctionName);
                writer.WriteString("functionVersion", lambda.FunctionVersion);
                writer.WriteNumber("memoryLimitInMegabytes", lambda.MemoryLimitInMegabytes);
                writer.WriteBoolean("hasRemainingTime", lambda.RemainingTime > TimeSpan.Zero);
                writer.WriteString("traceId", lambda.TraceId);
                writer.WriteString("traceVariable", Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
                writer.WriteString("clientContext", lambda.ClientContext);
                writer.WriteString("cognitoIdentity", lambda.CognitoIdentity);
                writer.WriteBoolean("isColdStart", lambda.IsColdStart);
            }

            writer.WriteString("traceIdentifier", context.TraceIdentifier);
            writer.WriteString("pathBase", context.Request.PathBase.Value);
            writer.WriteString("path", context.Request.Path.Value);
            writer.WriteString("remoteIp", context.Connection.RemoteIpAddress?.ToString());
            writer.WriteBoolean("isAuthenticated", context.User.Identity?.IsAuthenticated ?? false);
            writer.WriteStartObject("claims");
            foreach (System.Security.Claims.Claim claim in context.User.Claims)
            {
                writer.WriteString(claim.Type, claim.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory);
    }
}
