using System.Buffers;
using System.Diagnostics;

namespace Multiverse.Sdk.Python;

/// <summary>
/// One call on its way through the pool: waiting for a worker, held by a worker, then completed exactly once
/// by the first of its response, its timeout, its cancellation or its worker's death.
/// </summary>
internal sealed class PythonCall : TaskCompletionSource<PythonResponse>
{
    public PythonCall(string function, byte kind, byte[] frame, int frameLength)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Function = function;
        Kind = kind;
        Frame = frame;
        FrameLength = frameLength;
        CreatedAt = Stopwatch.GetTimestamp();
    }

    public string Function { get; }

    public byte Kind { get; }

    public byte[] Frame { get; private set; }

    public int FrameLength { get; }

    public long CreatedAt { get; }

    /// <summary>Gets or sets where the call is; changed only under the pool's lock.</summary>
    public PythonCallState State { get; set; }

    /// <summary>Gets or sets the worker holding the call; changed only under the pool's lock.</summary>
    public PythonWorker? Worker { get; set; }

    public uint RequestId { get; set; }

    /// <summary>Gets or sets when the call was written to a worker; 0 while it was not.</summary>
    public long SentAt { get; set; }

    /// <summary>Gets or sets the call's place in the pool's waiting list; changed only under the pool's lock.</summary>
    public LinkedListNode<PythonCall>? WaitingNode { get; set; }

    public int WorkerId { get; set; }

    public CancellationTokenRegistration Cancellation { get; set; }

    public void ReleaseFrame()
    {
        byte[] frame = Frame;
        Frame = [];
        if (frame.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>
    /// Completes the call with a response, or returns the response's buffer if the call already ended.
    /// </summary>
    public void Deliver(PythonResponse response)
    {
        if (!TrySetResult(response))
        {
            response.Release();
        }
    }
}
