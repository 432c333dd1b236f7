using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Answers what the application leaves unanswered, identically on Kestrel and on Lambda: an unhandled
/// exception becomes a 500 problem response (details only in Development), a request cancelled by the function
/// deadline becomes a 504 problem response. On Kestrel it also imposes the configured function timeout.
/// </summary>
internal sealed class ProblemResponseMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly bool _includeExceptionDetails;
    private readonly TimeSpan? _kestrelAbortAfter;

    public ProblemResponseMiddleware(
        RequestDelegate next,
        ILogger logger,
        bool includeExceptionDetails,
        TimeSpan? kestrelAbortAfter)
    {
        _next = next;
        _logger = logger;
        _includeExceptionDetails = includeExceptionDetails;
        _kestrelAbortAfter = kestrelAbortAfter;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        CancellationToken clientAborted = context.RequestAborted;
        using CancellationTokenSource? functionTimeout = StartFunctionTimeout(context);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
            when (!context.Response.HasStarted && IsDeadline(context, functionTimeout, clientAborted))
        {
            LambdaLog.RequestTimedOut(_logger, context.Request.Method, context.Request.Path.Value ?? "/");
            await WriteAsync(context, StatusCodes.Status504GatewayTimeout, ProblemResponse.Timeout())
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !clientAborted.IsCancellationRequested)
        {
            LambdaLog.UnhandledException(
                _logger,
                exception,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.TraceIdentifier);
            byte[] body = ProblemResponse.UnhandledException(exception, _includeExceptionDetails);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, body).ConfigureAwait(false);
        }
    }

    private static bool IsDeadline(
        HttpContext context,
        CancellationTokenSource? functionTimeout,
        CancellationToken clientAborted)
    {
        // On Lambda RequestAborted is the deadline itself; on Kestrel it also fires when the client goes away,
        // and then nobody is left to read a response.
        if (context.Features.Get<ILambdaContext>() is not null)
        {
            return context.RequestAborted.IsCancellationRequested;
        }

        return functionTimeout is { IsCancellationRequested: true } && !clientAborted.IsCancellationRequested;
    }

    private static Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = ProblemResponse.ContentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, CancellationToken.None).AsTask();
    }

    private CancellationTokenSource? StartFunctionTimeout(HttpContext context)
    {
        if (_kestrelAbortAfter is not { } abortAfter || context.Features.Get<ILambdaContext>() is not null)
        {
            return null;
        }

        var functionTimeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        functionTimeout.CancelAfter(abortAfter);
        context.RequestAborted = functionTimeout.Token;
        return functionTimeout;
    }
}
