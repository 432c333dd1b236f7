namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>What the runtime posted for one invocation: a response document or an error.</summary>
public sealed record InvocationResult(string RequestId, byte[]? Response, RuntimeApiError? Error)
{
    public static InvocationResult Success(string requestId, byte[] response) => new(requestId, response, null);

    public static InvocationResult Failure(string requestId, RuntimeApiError error) => new(requestId, null, error);

    public byte[] RequireResponse() =>
        Response ?? throw new InvalidOperationException(
            $"Expected a response but the invocation failed: {Error?.ErrorType}: {Error?.ErrorMessage}");
}
