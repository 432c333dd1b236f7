using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Serves one API Gateway event through the application's own request pipeline, in-process, and turns the
/// response into the result document API Gateway expects.
/// </summary>
internal sealed class ApiGatewayBridge
{
    /// <summary>Lambda's limit on a synchronous invocation's response: 6 MiB.</summary>
    public const int ResponseLimitBytes = 6 * 1024 * 1024;

    public const string InvalidEventErrorType = "Multiverse.InvalidEvent";

    private readonly ILogger _logger;
    private readonly bool _includeExceptionDetails;
    private readonly TimeSpan _deadlineMargin;
    private readonly TimeProvider _timeProvider;

    public ApiGatewayBridge(
        ILogger logger,
        bool includeExceptionDetails,
        TimeSpan deadlineMargin,
        TimeProvider timeProvider)
    {
        _logger = logger;
        _includeExceptionDetails = includeExceptionDetails;
        _deadlineMargin = deadlineMargin;
        _timeProvider = timeProvider;
    }

    public async Task<InvocationOutcome> InvokeAsync<TContext>(
        IHttpApplication<TContext> application,
        ILambdaContext lambdaContext,
        ReadOnlyMemory<byte> payload)
        where TContext : notnull
    {
        ApiGatewayRequest? request;
        try
        {
            request = ApiGatewayRequestReader.Read(payload.Span);
        }
        catch (JsonException exception)
        {
            return Reject($"The event is not valid JSON ({exception.Message}).");
        }

        ApiGatewayPayloadFormat format = request is null
            ? ApiGatewayPayloadFormat.Unknown
            : ApiGatewayRequestTranslator.DetectFormat(request);
        if (format == ApiGatewayPayloadFormat.Unknown)
        {
            return Reject(
                "The event is not an API Gateway HTTP API (payload 2.0), function URL or REST API proxy (payload 1.0) "
                + "event. Invoke this function only through API Gateway or its function URL.");
        }

        using var features = new LambdaHttpFeatures(ResponseLimitBytes);
        try
        {
            ApiGatewayRequestTranslator.Apply(request!, format, features);
        }
        catch (FormatException exception)
        {
            return Reject($"The event's body is flagged as base64 but is not valid base64 ({exception.Message}).");
        }

        features.Features.Set(lambdaContext);
        TimeSpan untilAbort = lambdaContext.Deadline == DateTimeOffset.MaxValue
            ? Timeout.InfiniteTimeSpan
            : Max(lambdaContext.Deadline - _timeProvider.GetUtcNow() - _deadlineMargin, TimeSpan.Zero);
        using var deadline = new CancellationTokenSource(untilAbort, _timeProvider);
        features.RequestAborted = deadline.Token;

        TContext context = application.CreateContext(features.Features);
        Exception? failure = null;
        bool abandoned = false;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
            await features.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (!features.HasStarted)
        {
            failure = exception;
            await WriteFailureAsync(features, exception, deadline.IsCancellationRequested).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Headers and part of a body were already produced: like a connection Kestrel aborts, the client must
            // not receive a truncated success, so the invocation fails and API Gateway answers 502.
            failure = exception;
            abandoned = true;
            LambdaLog.FailedAfterResponseStarted(_logger, exception, features.Method, features.Path);
        }

        try
        {
            return abandoned
                ? InvocationOutcome.Failed(RuntimeError.FromException(failure!))
                : InvocationOutcome.Succeeded(Serialize(format, features));
        }
        finally
        {
            application.DisposeContext(context, failure);
            await features.RunOnCompletedAsync().ConfigureAwait(false);
        }
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    private static Task WriteProblemAsync(LambdaHttpFeatures features, int status, byte[] body)
    {
        features.ResetResponse();
        features.StatusCode = status;
        features.ResponseHeaders.ContentType = ProblemResponse.ContentType;
        features.ResponseHeaders.ContentLength = body.Length;
        return features.ResponseBody.WriteAsync(body).AsTask();
    }

    private ReadOnlyMemory<byte> Serialize(ApiGatewayPayloadFormat format, LambdaHttpFeatures features)
    {
        var output = new ArrayBufferWriter<byte>(features.ResponseBody.Written.Length + 512);
        if (!features.ResponseBody.IsTooLarge)
        {
            ApiGatewayResponseWriter.Write(
                format,
                features.StatusCode,
                features.ResponseHeaders,
                features.ResponseBody.Written.Span,
                output);
            if (output.WrittenCount <= ResponseLimitBytes)
            {
                return output.WrittenMemory;
            }
        }

        LambdaLog.ResponseTooLarge(_logger, features.Method, features.Path, ResponseLimitBytes);
        byte[] problem = ProblemResponse.ResponseTooLarge(ResponseLimitBytes);
        IHeaderDictionary headers = new HeaderDictionary();
        headers.ContentType = ProblemResponse.ContentType;
        headers.ContentLength = problem.Length;
        output.Clear();
        ApiGatewayResponseWriter.Write(format, StatusCodes.Status413PayloadTooLarge, headers, problem, output);
        return output.WrittenMemory;
    }

    private Task WriteFailureAsync(LambdaHttpFeatures features, Exception exception, bool deadlinePassed)
    {
        if (exception is OperationCanceledException && deadlinePassed)
        {
            LambdaLog.RequestTimedOut(_logger, features.Method, features.Path);
            return WriteProblemAsync(features, StatusCodes.Status504GatewayTimeout, ProblemResponse.Timeout());
        }

        LambdaLog.UnhandledException(_logger, exception, features.Method, features.Path, features.TraceIdentifier);
        return WriteProblemAsync(
            features,
            StatusCodes.Status500InternalServerError,
            ProblemResponse.UnhandledException(exception, _includeExceptionDetails));
    }

    private InvocationOutcome Reject(string message)
    {
        LambdaLog.EventRejected(_logger, message);
        return InvocationOutcome.Failed(new RuntimeError(InvalidEventErrorType, message, []));
    }
}
