namespace Multiverse.Sdk.Lambda;

internal sealed class LambdaContext : ILambdaContext
{
    private readonly TimeProvider _timeProvider;

    public LambdaContext(
        RuntimeInvocation invocation,
        LambdaFunctionDescription function,
        bool isColdStart,
        TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        RequestId = invocation.RequestId;
        Deadline = invocation.Deadline;
        InvokedFunctionArn = invocation.InvokedFunctionArn;
        TraceId = invocation.TraceId;
        ClientContext = invocation.ClientContext;
        CognitoIdentity = invocation.CognitoIdentity;
        FunctionName = function.Name;
        FunctionVersion = function.Version;
        MemoryLimitInMegabytes = function.MemoryLimitInMegabytes;
        LogGroupName = function.LogGroupName;
        LogStreamName = function.LogStreamName;
        IsColdStart = isColdStart;
    }

    public string RequestId { get; }

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            TimeSpan remaining = Deadline - _timeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public string InvokedFunctionArn { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public int MemoryLimitInMegabytes { get; }

    public string LogGroupName { get; }

    public string LogStreamName { get; }

    public string? TraceId { get; }

    public string? ClientContext { get; }

    public string? CognitoIdentity { get; }

    public bool IsColdStart { get; }
}
