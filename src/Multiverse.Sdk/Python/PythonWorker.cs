using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;

namespace Multiverse.Sdk.Python;

/// <summary>
/// One long-lived Python process and its private socket. Answers are read by whoever holds the receive lock: a
/// caller polling for its own answer (the fast path for a call to an idle worker, see
/// <see cref="PythonOptions.BusyPollDuration"/>), or else the worker's dedicated thread, which waits for the socket
/// to become readable. A dedicated thread rather than asynchronous receives: waking a blocked thread is cheaper
/// than a readiness notification plus a thread-pool dispatch, and it keeps answers flowing when the thread pool is
/// starved.
/// </summary>
internal sealed class PythonWorker
{
    private const int ReceiveBufferSize = 64 * 1024;

    private readonly PythonWorkerPool _pool;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _maxFrameLength;
    private readonly Lock _receiveLock = new();
    private Thread? _reader;

    // The receive state below is used only under _receiveLock.
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private byte[]? _largeFrame;
    private int _largeLength;
    private int _largeFilled;
    private bool _closed;
    private string? _violation;

    private enum ReceiveStatus
    {
        Empty,
        Received,
        Closed,
    }

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
        // Non-blocking, so a caller waiting for its answer can read whatever has arrived without ever blocking.
        Channel.Blocking = false;
        _buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        _reader = new Thread(ReadResponses) { IsBackground = true, Name = $"python-worker-{Id}" };
        _reader.Start();
    }

    public void Send(byte[] frame, int length)
    {
        int sent = 0;
        while (sent < length)
        {
            int count = Channel.Send(frame, sent, length - sent, SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock)
            {
                Channel.Poll(-1, SelectMode.SelectWrite);
                continue;
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            sent += count;
        }
    }

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

    /// <summary>
    /// Reads and delivers the answers that have arrived, if no other thread is reading them: a caller polling for
    /// its own answer calls this, so the answer completes the call on the caller's own thread.
    /// </summary>
    public void TryReceive()
    {
        if (!_receiveLock.TryEnter())
        {
            return;
        }

        try
        {
            ReceiveAvailable();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The worker is dying; the reader thread reports it.
        }
        finally
        {
            _receiveLock.Exit();
        }
    }

    private void ReadResponses()
    {
        try
        {
            while (true)
            {
                ReceiveStatus status;
                lock (_receiveLock)
                {
                    status = ReceiveAvailable();
                }

                if (status == ReceiveStatus.Closed)
                {
                    break;
                }

                Channel.Poll(-1, SelectMode.SelectRead);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The worker died or was killed; the pool finds out why below.
        }
        finally
        {
            lock (_receiveLock)
            {
                ReleaseBuffers();
            }
        }

        if (_violation is not null)
        {
            _pool.OnProtocolViolation(this, _violation);
        }
        else
        {
            _pool.OnWorkerExited(this);
        }
    }

    /// <summary>Receives whatever the socket holds without blocking and delivers every whole frame.</summary>
    private ReceiveStatus ReceiveAvailable()
    {
        if (_closed)
        {
            return ReceiveStatus.Closed;
        }

        var status = ReceiveStatus.Empty;
        while (true)
        {
            if (_largeFrame is not null)
            {
                int wanted = _largeLength - _largeFilled;
                int count = Channel.Receive(_largeFrame, _largeFilled, wanted, SocketFlags.None, out SocketError error);
                if (!Received(count, error))
                {
                    return _closed ? ReceiveStatus.Closed : status;
                }

                status = ReceiveStatus.Received;
                _largeFilled += count;
                if (_largeFilled == _largeLength)
                {
                    byte[] frame = _largeFrame;
                    _largeFrame = null;
                    Deliver(frame, _largeLength);
                }

                continue;
            }

            if (_start == _end)
            {
                _start = _end = 0;
            }

            int space = _buffer.Length - _end;
            int received = Channel.Receive(_buffer, _end, space, SocketFlags.None, out SocketError receiveError);
            if (!Received(received, receiveError))
            {
                return _closed ? ReceiveStatus.Closed : status;
            }

            status = ReceiveStatus.Received;
            _end += received;
            if (!SplitFrames())
            {
                _closed = true;
                return ReceiveStatus.Closed;
            }

            if (received < space)
            {
                // The socket is drained; asking again would only cost a system call that finds nothing.
                return status;
            }
        }
    }

    /// <returns>Whether bytes arrived; false when none are waiting or the worker closed the channel.</returns>
    private bool Received(int count, SocketError error)
    {
        if (error == SocketError.WouldBlock)
        {
            return false;
        }

        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }

        if (count == 0)
        {
            _closed = true;
            return false;
        }

        return true;
    }

    /// <summary>Delivers the whole frames in the buffer and makes room for the next one.</summary>
    /// <returns>False when the worker broke the protocol.</returns>
    private bool SplitFrames()
    {
        while (_end - _start >= PythonProtocol.HeaderSize)
        {
            int frameLength = PythonProtocol.ReadFrameLength(_buffer.AsSpan(_start));
            if (frameLength < PythonProtocol.HeaderSize || frameLength > _maxFrameLength)
            {
                _violation = $"a frame of {frameLength} bytes";
                Kill();
                return false;
            }

            int buffered = _end - _start;
            if (buffered < frameLength)
            {
                if (frameLength > _buffer.Length / 2)
                {
                    // Received straight into its own array: no second copy of a large answer.
                    _largeFrame = ArrayPool<byte>.Shared.Rent(frameLength);
                    _largeLength = frameLength;
                    _largeFilled = buffered;
                    _buffer.AsSpan(_start, buffered).CopyTo(_largeFrame);
                    _start = _end = 0;
                }
                else if (_start + frameLength > _buffer.Length)
                {
                    _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
                    _end = buffered;
                    _start = 0;
                }

                return true;
            }

            DeliverCopy(_buffer.AsSpan(_start, frameLength));
            _start += frameLength;
        }

        if (_end == _buffer.Length)
        {
            int buffered = _end - _start;
            _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
            _end = buffered;
            _start = 0;
        }

        return true;
    }

    private void ReleaseBuffers()
    {
        _closed = true;
        if (_largeFrame is not null)
        {
            ArrayPool<byte>.Shared.Return(_largeFrame);
            _largeFrame = null;
        }

        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
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
