namespace Multiverse.Sdk.Lambda;

/// <summary>What to post for an invocation: a response document, or an invocation error.</summary>
internal readonly record struct InvocationOutcome(ReadOnlyMemory<byte> Response, RuntimeError? Error)
{
    public static InvocationOutcome Succeeded(ReadOnlyMemory<byte> response) => new(response, null);

    public static InvocationOutcome Failed(RuntimeError error) => new(ReadOnlyMemory<byte>.Empty, error);
}
