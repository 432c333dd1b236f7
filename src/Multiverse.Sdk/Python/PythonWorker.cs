using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;

namespace Multiverse.Sdk.Python;

/// <summary>
/// One long-lived Python process and its private socket. A dedicated thread reads responses with blocking receives:
/// waking a blocked thread is cheaper than a readiness notification plus a thread-pool dispatch, and it keeps the
/// worker's responses flowing even when the thread pool is starved.
/// </summary>
internal sealed class PythonWorker
{
    private const int ReceiveBufferSize = 64 * 1024;

    private readonly PythonWorkerPool _pool;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _maxFrameLength;
    private Thread? _reader;

    public PythonWorker(
        PythonWorkerPool pool,
        int id,
        Process process,
        Socket channel,
        PythonOutputPump standardError,
        int maxResultBytes)
    {
        _pool = pool;
        Id = id;
        Process = process;
        ProcessId = process.Id;
        Channel = channel;
        StandardError = standardError;
        // An error report carries a traceback; allow for it on top of the largest result.
        _maxFrameLength = checked(maxResultBytes + (1024 * 1024) + PythonProtocol.HeaderSize);
    }

    public int Id { get; }

    public Process Process { get; }

    public int ProcessId { get; }

    public Socket Channel { get; }

    public PythonOutputPump StandardError { get; }

    /// <summary>Gets the lock that keeps frames whole and in request-id order on the socket.</summary>
    public Lock SendLock { get; } = new();

    // The members below are read and written only under the pool's lock.

    /// <summary>Gets the calls sent and not yet answered, oldest first; the first one is running.</summary>
    public Queue<PythonCall> Calls { get; } = new();

    /// <summary>Gets or sets the calls given to this worker and not yet answered, sent or about to be.</summary>
    public int Load { get; set; }

    public uint NextRequestId { get; set; } = 1;

    /// <summary>Gets or sets when the oldest unanswered call started running.</summary>
    public long RunningSince { get; set; }

    public int Dispatched { get; set; }

    /// <summary>Gets or sets a value indicating whether the worker serves the pool's calls.</summary>
    public bool Live { get; set; }

    public bool Retiring { get; set; }

    /// <summary>Gets or sets why the pool ended the worker; <see langword="null"/> while nobody did.</summary>
    public string? EndReason { get; set; }

    public bool Dead { get; set; }

    /// <summary>Gets or sets a value indicating whether the channel has closed and the exit is being handled.</summary>
    public bool Exiting { get; set; }

    /// <summary>
    /// Gets a task that completes once the pool has handled the worker's exit and released its process.
    /// </summary>
    public Task Exited => _exited.Task;

    public void MarkExited()
    {
        Process.Dispose();
        _exited.TrySetResult();
    }

    public void StartReading()
    {
        _reader = new Thread(ReadResponses) { IsBackground = true, Name = $"python-worker-{Id}" };
        _reader.Start();
    }

    public void Send(byte[] frame, int length) => Channel.Send(frame, 0, length, SocketFlags.None);

    public void Kill()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (Exception exception)
            when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void ReadResponses()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        int start = 0;
        int end = 0;
        try
        {
            while (true)
            {
                if (start == end)
                {
                    start = end = 0;
                }

                int received = Channel.Receive(buffer, end, buffer.Length - end, SocketFlags.None);
                if (received == 0)
                {
                    break;
                }

                end += received;
                while (end - start >= PythonProtocol.HeaderSize)
                {
                    int frameLength = PythonProtocol.ReadFrameLength(buffer.AsSpan(start));
                    if (frameLength < PythonProtocol.HeaderSize || frameLength > _maxFrameLength)
                    {
                        _pool.OnProtocolViolation(this, $"a frame of {frameLength} bytes");
                        return;
                    }

                    if (end - start < frameLength)
                    {
                        if (frameLength > buffer.Length / 2)
                        {
                            ReceiveLargeFrame(buffer, start, end, frameLength);
                            start = end = 0;
                            continue;
                        }

                        if (start + frameLength > buffer.Length)
                        {
                            buffer.AsSpan(start, end - start).CopyTo(buffer);
                            end -= start;
                            start = 0;
                        }

                        break;
                    }

                    DeliverCopy(buffer.AsSpan(start, frameLength));
                    start += frameLength;
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The worker died or was killed; the pool finds out why below.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _pool.OnWorkerExited(this);
    }

    /// <summary>Receives a frame too big for the shared buffer straight into its own array: no second copy.</summary>
    private void ReceiveLargeFrame(byte[] buffer, int start, int end, int frameLength)
    {
        byte[] frame = ArrayPool<byte>.Shared.Rent(frameLength);
        int filled = end - start;
        buffer.AsSpan(start, filled).CopyTo(frame);
        try
        {
            while (filled < frameLength)
            {
                int received = Channel.Receive(frame, filled, frameLength - filled, SocketFlags.None);
                if (received == 0)
                {
                    throw new SocketException((int)SocketError.ConnectionReset);
                }

                filled += received;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(frame);
            throw;
        }

        Deliver(frame, frameLength);
    }

    private void DeliverCopy(ReadOnlySpan<byte> frame)
    {
        byte[] copy = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(copy);
        Deliver(copy, frame.Length);
    }

    private void Deliver(byte[] frame, int frameLength)
    {
        uint requestId = PythonProtocol.ReadRequestId(frame);
        var response = new PythonResponse(
            frame[8],
            frame,
            PythonProtocol.HeaderSize,
            frameLength - PythonProtocol.HeaderSize);
        _pool.OnResponse(this, requestId, response);
    }
}
