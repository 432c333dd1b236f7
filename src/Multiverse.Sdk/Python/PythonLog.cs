using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Python;

/// <summary>The Python feature's log messages; event ids 5100-5199 are reserved for it.</summary>
internal static partial class PythonLog
{
    [LoggerMessage(
        5100,
        LogLevel.Information,
        "Python worker {WorkerId} started (pid {ProcessId}, Python {Version}) in "
            + "{ElapsedMilliseconds:F1} ms")]
    public static partial void WorkerStarted(
        ILogger logger,
        int workerId,
        int processId,
        string version,
        double elapsedMilliseconds);

    [LoggerMessage(5101, LogLevel.Information, "Python worker {WorkerId} stdout: {Line}")]
    public static partial void WorkerStandardOutput(ILogger logger, int workerId, string line);

    [LoggerMessage(5102, LogLevel.Warning, "Python worker {WorkerId} stderr: {Line}")]
    public static partial void WorkerStandardError(ILogger logger, int workerId, string line);

    [LoggerMessage(
        5103,
        LogLevel.Debug,
        "Python call {Function} on worker {WorkerId} took {DurationMilliseconds:F3} ms after waiting "
            + "{QueueWaitMilliseconds:F3} ms: {Outcome}")]
    public static partial void CallCompleted(
        ILogger logger,
        string function,
        int workerId,
        double durationMilliseconds,
        double queueWaitMilliseconds,
        string outcome);

    [LoggerMessage(
        5104,
        LogLevel.Warning,
        "Python worker {WorkerId} (pid {ProcessId}) exited with code {ExitCode}; it is replaced")]
    public static partial void WorkerCrashed(ILogger logger, int workerId, int processId, int? exitCode);

    [LoggerMessage(
        5105,
        LogLevel.Warning,
        "Python call {Function} ran longer than {Timeout}; worker {WorkerId} is killed and replaced")]
    public static partial void CallTimedOut(ILogger logger, string function, TimeSpan timeout, int workerId);

    [LoggerMessage(5106, LogLevel.Information, "Python worker {WorkerId} served {Calls} calls and is recycled")]
    public static partial void WorkerRecycled(ILogger logger, int workerId, int calls);

    [LoggerMessage(5107, LogLevel.Error, "A Python worker could not be started; retrying in {RetryDelay}")]
    public static partial void WorkerStartFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(
        5108,
        LogLevel.Debug,
        "Python call {Function} was cancelled while running; worker {WorkerId} is killed and replaced")]
    public static partial void RunningCallCancelled(ILogger logger, string function, int workerId);

    [LoggerMessage(
        5109,
        LogLevel.Debug,
        "Python script {ScriptPath} exited with code {ExitCode} after {DurationMilliseconds:F1} ms")]
    public static partial void ScriptCompleted(
        ILogger logger,
        string scriptPath,
        int exitCode,
        double durationMilliseconds);

    [LoggerMessage(
        5110,
        LogLevel.Warning,
        "Python worker {WorkerId} broke the protocol ({Problem}); it is killed and replaced")]
    public static partial void ProtocolViolation(ILogger logger, int workerId, string problem);
}
