namespace Multiverse.Sdk.Lambda;

/// <summary>One invocation handed out by the Runtime API's <c>next</c> endpoint.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    byte[] Payload);
