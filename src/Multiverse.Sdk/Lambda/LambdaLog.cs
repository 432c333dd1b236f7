using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Lambda;

/// <summary>Lambda hosting's log messages; event ids 6000-6099 belong to this feature.</summary>
internal static partial class LambdaLog
{
    [LoggerMessage(6000, LogLevel.Information, "Serving invocations from the Lambda Runtime API at {RuntimeApi}")]
    public static partial void Serving(ILogger logger, string runtimeApi);

    [LoggerMessage(6001, LogLevel.Debug, "Invocation {FunctionRequestId} received")]
    public static partial void InvocationReceived(ILogger logger, string functionRequestId);

    [LoggerMessage(6002, LogLevel.Warning, "The invocation's event was rejected: {Reason}")]
    public static partial void EventRejected(ILogger logger, string reason);

    [LoggerMessage(
        6003,
        LogLevel.Error,
        "Unhandled exception while serving {Method} {Path} (request {RequestId}); answered 500")]
    public static partial void UnhandledException(
        ILogger logger,
        Exception exception,
        string method,
        string path,
        string requestId);

    [LoggerMessage(
        6004,
        LogLevel.Error,
        "Exception after the response to {Method} {Path} had started; the invocation is reported as failed")]
    public static partial void FailedAfterResponseStarted(
        ILogger logger,
        Exception exception,
        string method,
        string path);

    [LoggerMessage(
        6005,
        LogLevel.Warning,
        "The response to {Method} {Path} exceeds Lambda's {LimitBytes} byte limit; answered 413")]
    public static partial void ResponseTooLarge(ILogger logger, string method, string path, int limitBytes);

    [LoggerMessage(6006, LogLevel.Warning, "{Method} {Path} did not finish before the deadline; answered 504")]
    public static partial void RequestTimedOut(ILogger logger, string method, string path);

    [LoggerMessage(
        6007,
        LogLevel.Warning,
        "The Runtime API could not be reached at {Uri}; attempt {Attempt} is retried in {Delay}")]
    public static partial void RuntimeApiRetry(
        ILogger logger,
        Exception exception,
        string? uri,
        int attempt,
        TimeSpan delay);

    [LoggerMessage(6008, LogLevel.Critical, "The Lambda runtime stops: {Reason}")]
    public static partial void RuntimeFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(
        6009,
        LogLevel.Warning,
        "The Runtime API answered {StatusCode} when invocation {FunctionRequestId}'s result was posted")]
    public static partial void ResultRejected(ILogger logger, int statusCode, string functionRequestId);

    [LoggerMessage(6010, LogLevel.Information, "Stopping: no further invocations are fetched")]
    public static partial void Stopping(ILogger logger);
}
