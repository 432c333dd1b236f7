using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>
/// A Lambda Runtime API (2018-06-01) on loopback that behaves as AWS documents and as AWS's emulator was
/// observed to: <c>next</c> long-polls and hands out the same invocation again until it is answered, a second
/// response is 403, a response over 6 MiB is 413 (the caller sees <c>Function.ResponseSizeTooLarge</c>),
/// errors carry <c>Lambda-Runtime-Function-Error-Type</c>, and an invocation not answered by its deadline
/// times out.
/// </summary>
public sealed class TestRuntimeApiServer : IAsyncDisposable
{
    public const int ResponseLimitBytes = 6 * 1024 * 1024;
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:lambda-app";

    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new();
    private readonly TaskCompletionSource<RuntimeApiError> _initError =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private PendingInvocation? _current;
    private int _nextFailures;
    private int _nextCount;

    private TestRuntimeApiServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>Gets the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public int Port { get; }

    /// <summary>Gets how many times <c>next</c> was called.</summary>
    public int NextCount => Volatile.Read(ref _nextCount);

    /// <summary>Completes when the runtime posts to <c>init/error</c>.</summary>
    public Task<RuntimeApiError> InitError => _initError.Task;

    public static async Task<TestRuntimeApiServer> StartAsync(int? port = null)
    {
        int chosenPort = port ?? Infrastructure.FreePort.Next();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{chosenPort}");
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
        WebApplication app = builder.Build();
        var server = new TestRuntimeApiServer(app, chosenPort);
        server.MapEndpoints(app);
        await app.StartAsync();
        return server;
    }

    /// <summary>Makes the next <paramref name="count"/> calls to <c>next</c> answer 500.</summary>
    public void FailNextWith500(int count = 1) => Interlocked.Exchange(ref _nextFailures, count);

    /// <summary>Queues an invocation and waits for the runtime's result.</summary>
    public Task<InvocationResult> InvokeAsync(
        byte[] payload,
        TimeSpan? timeout = null,
        string? traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        string? clientContext = null,
        string? cognitoIdentity = null)
    {
        var invocation = new PendingInvocation(
            Guid.NewGuid().ToString(),
            DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)),
            payload,
            traceId,
            clientContext,
            cognitoIdentity);
        invocation.Timer = new Timer(_ => TimeOut(invocation), null, Timeout.Infinite, Timeout.Infinite);
        _invocations[invocation.RequestId] = invocation;
        _queue.Writer.TryWrite(invocation);
        return invocation.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (PendingInvocation invocation in _invocations.Values)
        {
            invocation.Result.TrySetCanceled();
            await invocation.Timer.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/2018-06-01/runtime/invocation/next", NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/response", ResponseAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/error", ErrorAsync);
        app.MapPost("/2018-06-01/runtime/init/error", InitErrorAsync);
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextCount);
        if (Interlocked.Decrement(ref _nextFailures) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        PendingInvocation? invocation;
        lock (_gate)
        {
            // Asking again before answering gets the same invocation back, as on AWS.
            invocation = _current;
        }

        if (invocation is null)
        {
            invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
            lock (_gate)
            {
                _current = invocation;
            }

            TimeSpan untilDeadline = invocation.Deadline - DateTimeOffset.UtcNow;
            invocation.Timer.Change(
                untilDeadline > TimeSpan.Zero ? untilDeadline : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
        }

        IHeaderDictionary headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] =
            invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        if (invocation.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        if (invocation.ClientContext is not null)
        {
            headers["Lambda-Runtime-Client-Context"] = invocation.ClientContext;
        }

        if (invocation.CognitoIdentity is not null)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = invocation.CognitoIdentity;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        byte[] body = await ReadBodyAsync(context);
        if (!TryFinish(requestId, out PendingInvocation? invocation))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (body.Length > ResponseLimitBytes)
        {
            invocation.Result.TrySetResult(InvocationResult.Failure(
                requestId,
                new RuntimeApiError(
                    "Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size.",
                    null)));
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        invocation.Result.TrySetResult(InvocationResult.Success(requestId, body));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task ErrorAsync(HttpContext context, string requestId)
    {
        byte[] body = await ReadBodyAsync(context);
        if (!TryFinish(requestId, out PendingInvocation? invocation))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        string? errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
        invocation.Result.TrySetResult(InvocationResult.Failure(requestId, RuntimeApiError.Parse(errorType, body)));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        byte[] body = await ReadBodyAsync(context);
        string? errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
        _initError.TrySetResult(RuntimeApiError.Parse(errorType, body));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private bool TryFinish(
        string requestId,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PendingInvocation? invocation)
    {
        lock (_gate)
        {
            invocation = _current;
            if (invocation is null || invocation.RequestId != requestId || invocation.Result.Task.IsCompleted)
            {
                invocation = null;
                return false;
            }

            _current = null;
            return true;
        }
    }

    private void TimeOut(PendingInvocation invocation)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_current, invocation) || invocation.Result.Task.IsCompleted)
            {
                return;
            }

            // On AWS the execution environment is stopped; here the runtime's late answer is refused instead.
            _current = null;
        }

        invocation.Result.TrySetResult(InvocationResult.Failure(
            invocation.RequestId,
            new RuntimeApiError("Sandbox.Timedout", "Task timed out", null)));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    private sealed class PendingInvocation
    {
        public PendingInvocation(
            string requestId,
            DateTimeOffset deadline,
            byte[] payload,
            string? traceId,
            string? clientContext,
            string? cognitoIdentity)
        {
            RequestId = requestId;
            Deadline = deadline;
            Payload = payload;
            TraceId = traceId;
            ClientContext = clientContext;
            CognitoIdentity = cognitoIdentity;
        }

        public string RequestId { get; }

        public DateTimeOffset Deadline { get; }

        public byte[] Payload { get; }

        public string? TraceId { get; }

        public string? ClientContext { get; }

        public string? CognitoIdentity { get; }

        public TaskCompletionSource<InvocationResult> Result { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Timer Timer { get; set; } = null!;
    }
}
