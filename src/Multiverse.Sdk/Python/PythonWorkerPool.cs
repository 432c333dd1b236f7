using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Python;

/// <summary>
/// The pool behind <see cref="IPythonWorkerPool"/>. All dispatch state lives under one lock; sockets are written
/// under each worker's send lock and read by each worker's own thread. A worker runs its calls in the order they
/// were sent, so the oldest unanswered call is the running one: that is the call a timeout or a crash belongs to,
/// and the calls behind it, which never started, move to another worker.
/// </summary>
internal sealed partial class PythonWorkerPool : IPythonWorkerPool, IAsyncDisposable
{
    private static readonly TimeSpan s_maxRestartDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<PythonWorker> _workers = [];
    private readonly LinkedList<PythonCall> _waiting = new();
    private readonly PythonWorkerSettings _settings;
    private readonly PythonProcessLauncher _launcher;
    private readonly PythonMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<object?, CancellationToken> _onCancelled;
    private readonly Action<object?> _drainWaiting;
    private readonly Timer _timeoutTimer;
    private readonly string _socketFolder;
    private readonly long _busyPollTicks;
    private Task? _started;
    private int _nextWorkerId;
    private int _starting;
    private bool _stopped;

    public PythonWorkerPool(
        PythonWorkerSettings settings,
        PythonProcessLauncher launcher,
        PythonMetrics metrics,
        ILogger<PythonWorkerPool> logger)
    {
        _settings = settings;
        _launcher = launcher;
        _metrics = metrics;
        _logger = logger;
        _onCancelled = (state, token) => Cancel((PythonCall)state!, token);
        _drainWaiting = _ => DrainWaiting();
        _busyPollTicks = (long)(settings.BusyPollDuration.TotalSeconds * Stopwatch.Frequency);
        _socketFolder = Directory.CreateTempSubdirectory("multiverse-python-").FullName;
        TimeSpan sweep = TimeSpan.FromTicks(Math.Clamp(
            _settings.CallTimeout.Ticks / 10,
            TimeSpan.TicksPerMillisecond * 10,
            TimeSpan.TicksPerMillisecond * 250));
        _timeoutTimer = new Timer(_ => SweepTimeouts(), null, sweep, sweep);
    }

    /// <summary>
    /// Gets the process ids of the workers serving calls now; tests check they all end with the host.
    /// </summary>
    internal IReadOnlyList<int> WorkerProcessIds
    {
        get
        {
            lock (_gate)
            {
                return _workers.Select(worker => worker.ProcessId).ToArray();
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _started ??= StartWorkersAsync();
        }

        return _started.WaitAsync(cancellationToken);
    }

    public Task<TResult> CallAsync<TArguments, TResult>(
        string functionName,
        TArguments arguments,
        JsonTypeInfo<TArguments> argumentsType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argumentsType);
        ArgumentNullException.ThrowIfNull(resultType);
        PythonCall call = PythonCallFactory.Create(functionName, PythonProtocol.KindCall, arguments, argumentsType);
        return RunAsync(call, resultType, cancellationToken);
    }

    [RequiresUnreferencedCode("Reflection-based JSON serialization; use the overload that takes JsonTypeInfo.")]
    [RequiresDynamicCode("Reflection-based JSON serialization; use the overload that takes JsonTypeInfo.")]
    public Task<TResult> CallAsync<TResult>(
        string functionName,
        object? arguments,
        CancellationToken cancellationToken)
    {
        JsonSerializerOptions options = PythonCallFactory.ReflectionOptions;
        PythonCall call = PythonCallFactory.Create(
            functionName,
            PythonProtocol.KindCall,
            arguments,
            (JsonTypeInfo<object?>)options.GetTypeInfo(typeof(object)));
        return RunAsync(call, (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult)), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        PythonWorker[] workers;
        PythonCall[] waiting;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            workers = [.. _workers];
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _timeoutTimer.DisposeAsync().ConfigureAwait(false);
        foreach (PythonCall call in waiting)
        {
            call.TrySetException(new PythonException("The Python worker pool stopped before the call could run."));
        }

        // Let running calls finish, then kill each worker with its process tree: a worker that merely exited
        // would leave the processes its user code started behind.
        long deadline = Stopwatch.GetTimestamp() + (long)(s_exitGrace.TotalSeconds * Stopwatch.Frequency);
        foreach (PythonWorker worker in workers)
        {
            while (IsBusy(worker) && Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
            }

            lock (_gate)
            {
                worker.EndReason ??= "stopped";
            }

            worker.Kill();
            await worker.Exited.ConfigureAwait(false);
        }

        // Workers still starting see the stop flag and kill themselves; wait for them so none is left behind.
        while (Volatile.Read(ref _starting) > 0)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        PythonWorker[] workers;
        lock (_gate)
        {
            workers = [.. _workers];
        }

        foreach (PythonWorker worker in workers)
        {
            worker.Kill();
            await worker.Exited.ConfigureAwait(false);
        }

        _stopping.Dispose();
        try
        {
            Directory.Delete(_socketFolder, recursive: true);
        }
        catch (IOException)
        {
            // A socket file left behind in a private temporary folder harms nobody.
        }
    }

    internal void OnResponse(PythonWorker worker, uint requestId, PythonResponse response)
    {
        PythonCall call;
        bool close = false;
        bool drain = false;
        lock (_gate)
        {
            if (worker.Calls.Count == 0 || worker.Calls.Peek().RequestId != requestId)
            {
                response.Release();
                worker.EndReason ??= "protocol";
                PythonLog.ProtocolViolation(_logger, worker.Id, $"an answer to unknown request {requestId}");
                worker.Kill();
                return;
            }

            call = worker.Calls.Dequeue();
            worker.Load--;
            worker.RunningSince = Stopwatch.GetTimestamp();
            if (worker.Retiring && worker.Load == 0)
            {
                worker.EndReason ??= "recycled";
                close = true;
            }
            else if (worker.Live && !worker.Retiring && _waiting.Count > 0)
            {
                drain = true;
            }
        }

        if (response.Status == PythonProtocol.StatusCancelled)
        {
            response.Release();
        }
        else
        {
            call.Deliver(response);
        }

        if (close)
        {
            worker.Kill();
        }

        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_drainWaiting, null, preferLocal: false);
        }
    }

    private bool IsBusy(PythonWorker worker)
    {
        lock (_gate)
        {
            return worker.Load > 0;
        }
    }

    internal void OnProtocolViolation(PythonWorker worker, string problem)
    {
        lock (_gate)
        {
            worker.EndReason ??= "protocol";
        }

        PythonLog.ProtocolViolation(_logger, worker.Id, problem);
        worker.Kill();
        OnWorkerExited(worker);
    }

    internal void OnWorkerExited(PythonWorker worker)
    {
        lock (_gate)
        {
            // From here on the running call belongs to the crash report, not to a timeout that fires meanwhile.
            worker.Exiting = true;
        }

        worker.Kill();
        worker.Process.WaitForExit(s_exitGrace);
        worker.StandardError.Completion.Wait(TimeSpan.FromSeconds(1));
        int? exitCode = worker.Process.HasExited ? worker.Process.ExitCode : null;
        worker.Channel.Dispose();

        PythonCall? running = null;
        string? reason;
        bool replace;
        lock (_gate)
        {
            if (worker.Dead)
            {
                return;
            }

            worker.Dead = true;
            reason = worker.EndReason;
            bool wasLive = worker.Live;
            worker.Live = false;
            _workers.Remove(worker);
            bool first = true;
            var requeue = new List<PythonCall>();
            while (worker.Calls.TryDequeue(out PythonCall? call))
            {
                if (first)
                {
                    running = call;
                    first = false;
                    continue;
                }

                if (!call.Task.IsCompleted)
                {
                    requeue.Add(call);
                }
            }

            for (int index = requeue.Count - 1; index >= 0; index--)
            {
                PythonCall call = requeue[index];
                call.State = PythonCallState.Waiting;
                call.Worker = null;
                call.RequestId = 0;
                call.WaitingNode = _waiting.AddFirst(call);
            }

            worker.Load = 0;
            replace = wasLive && !worker.Retiring && !_stopped;
        }

        _metrics.WorkerExited(reason ?? "crashed");
        if (running is not null && !running.Task.IsCompleted)
        {
            running.TrySetException(reason == "stopped"
                ? new PythonException($"The Python worker pool stopped while '{running.Function}' was running.")
                : Crashed(worker, running.Function, exitCode));
        }

        if (reason is null)
        {
            PythonLog.WorkerCrashed(_logger, worker.Id, worker.ProcessId, exitCode);
        }

        worker.MarkExited();
        if (replace)
        {
            StartReplacement();
        }

        DrainWaiting();
    }

    private static PythonWorkerCrashedException Crashed(PythonWorker worker, string function, int? exitCode)
    {
        string tail = worker.StandardError.Tail;
        string exit = exitCode is int code ? $"exit code {code}{DescribeSignal(code)}" : "an unknown exit code";
        string stderr = tail.Length == 0
            ? "It wrote nothing to stderr."
            : $"Its stderr ends with:{Environment.NewLine}{tail}";
        return new PythonWorkerCrashedException(
            $"The Python worker {worker.Id} (pid {worker.ProcessId}) exited with {exit} while running '{function}'. "
            + $"The worker was replaced. {stderr}",
            exitCode,
            tail);
    }

    private static string DescribeSignal(int exitCode) => exitCode switch
    {
        134 => " (SIGABRT)",
        137 => " (SIGKILL: killed, often for memory)",
        139 => " (SIGSEGV: segmentation fault)",
        _ => string.Empty,
    };

    private async Task<TResult> RunAsync<TResult>(
        PythonCall call,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Task? started = _started;
        if (started is null || !started.IsCompletedSuccessfully)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (cancellationToken.CanBeCanceled)
        {
            call.Cancellation = cancellationToken.UnsafeRegister(_onCancelled, call);
        }

        string outcome = "error";
        PythonResponse response = default;
        try
        {
            if (Submit(call) is { } idleWorker && _busyPollTicks > 0)
            {
                AwaitAnswerBriefly(idleWorker, call);
            }

            response = await call.Task.ConfigureAwait(false);

            // A response means Python read the whole frame, so no send can still be using its array.
            call.ReleaseFrame();
            TResult result = PythonResults.Decode(call.Function, response, resultType, _settings.MaxResultBytes);
            outcome = "ok";
            return result;
        }
        catch (Exception exception)
        {
            outcome = Outcome(exception);
            throw;
        }
        finally
        {
            response.Release();
            await call.Cancellation.DisposeAsync().ConfigureAwait(false);
            TimeSpan duration = Stopwatch.GetElapsedTime(call.CreatedAt);
            _metrics.CallCompleted(call.Function, outcome, duration.TotalSeconds);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                double waited = call.SentAt == 0
                    ? duration.TotalMilliseconds
                    : Stopwatch.GetElapsedTime(call.CreatedAt, call.SentAt).TotalMilliseconds;
                PythonLog.CallCompleted(
                    _logger,
                    call.Function,
                    call.WorkerId,
                    duration.TotalMilliseconds,
                    waited,
                    outcome);
            }
        }
    }

    private static string Outcome(Exception exception) => exception switch
    {
        PythonFunctionException => "error",
        PythonTimeoutException => "timeout",
        PythonWorkerCrashedException => "crashed",
        PythonResultTooLargeException => "too_large",
        PythonInvalidResultException => "invalid_result",
        OperationCanceledException => "cancelled",
        _ => "failed",
    };

    /// <returns>The worker the call went to if it had nothing else to do, so the answer comes soon.</returns>
    private PythonWorker? Submit(PythonCall call)
    {
        PythonWorker? worker;
        lock (_gate)
        {
            if (_stopped)
            {
                throw new ObjectDisposedException(nameof(IPythonWorkerPool), "The Python worker pool has stopped.");
            }

            worker = Reserve(call);
            if (worker is null)
            {
                call.State = PythonCallState.Waiting;
                call.WaitingNode = _waiting.AddLast(call);
                return null;
            }
        }

        return Send(worker, call) ? worker : null;
    }

    /// <summary>
    /// Polls for the answer of a call that an idle worker is running, for up to
    /// <see cref="PythonOptions.BusyPollDuration"/>. A small call is answered within that time, and reading the
    /// answer on this thread spares the two thread wake-ups that otherwise cost more than the call: the reader
    /// thread's, and the thread-pool thread's that would run the caller's continuation.
    /// </summary>
    private void AwaitAnswerBriefly(PythonWorker worker, PythonCall call)
    {
        long deadline = Stopwatch.GetTimestamp() + _busyPollTicks;
        while (true)
        {
            worker.TryReceive();
            if (call.Task.IsCompleted || Stopwatch.GetTimestamp() > deadline)
            {
                return;
            }

            // Gives the core to any thread that is ready, such as another caller's continuation.
            Thread.Yield();
        }
    }

    /// <summary>Picks the least busy worker with room and books the call on it; called under the lock.</summary>
    private PythonWorker? Reserve(PythonCall call)
    {
        PythonWorker? chosen = null;
        foreach (PythonWorker worker in _workers)
        {
            if (worker.Live && !worker.Retiring && worker.EndReason is null
                && worker.Load < _settings.MaxCallsPerWorker && (chosen is null || worker.Load < chosen.Load))
            {
                chosen = worker;
                if (worker.Load == 0)
                {
                    break;
                }
            }
        }

        if (chosen is null)
        {
            return null;
        }

        chosen.Load++;
        chosen.Dispatched++;
        call.State = PythonCallState.Sent;
        call.Worker = chosen;
        call.WorkerId = chosen.Id;
        if (_settings.RecycleAfterCalls > 0 && chosen.Dispatched >= _settings.RecycleAfterCalls)
        {
            chosen.Retiring = true;
            PythonLog.WorkerRecycled(_logger, chosen.Id, chosen.Dispatched);
            StartReplacement();
        }

        return chosen;
    }

    /// <returns>Whether the call went to the worker as its only unanswered call.</returns>
    private bool Send(PythonWorker worker, PythonCall call)
    {
        bool requeued = false;
        bool alone = false;
        lock (worker.SendLock)
        {
            lock (_gate)
            {
                if (worker.Dead)
                {
                    call.State = PythonCallState.Waiting;
                    call.Worker = null;
                    call.WaitingNode = _waiting.AddFirst(call);
                    requeued = true;
                }
                else if (call.Task.IsCompleted)
                {
                    worker.Load--;
                    return false;
                }
                else
                {
                    call.RequestId = worker.NextRequestId++;
                    PythonProtocol.WriteRequestId(call.Frame, call.RequestId);
                    worker.Calls.Enqueue(call);
                    if (worker.Calls.Count == 1)
                    {
                        worker.RunningSince = Stopwatch.GetTimestamp();
                        alone = true;
                    }
                }
            }

            if (!requeued)
            {
                try
                {
                    worker.Send(call.Frame, call.FrameLength);
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                {
                    // The worker is dying; its reader thread requeues or fails what it held.
                    worker.Kill();
                }
            }
        }

        if (requeued)
        {
            DrainWaiting();
            return false;
        }

        call.SentAt = Stopwatch.GetTimestamp();
        _metrics.CallDispatched(call.CreatedAt);
        return alone;
    }

    private void DrainWaiting()
    {
        while (true)
        {
            PythonWorker? worker;
            PythonCall call;
            lock (_gate)
            {
                if (_waiting.First is not { } first)
                {
                    return;
                }

                call = first.Value;
                if (call.Task.IsCompleted)
                {
                    _waiting.RemoveFirst();
                    call.WaitingNode = null;
                    continue;
                }

                worker = Reserve(call);
                if (worker is null)
                {
                    if (_workers.Count == 0 && _starting == 0 && _lastStartFailure is { } failure)
                    {
                        FailWaiting(failure);
                    }

                    return;
                }

                _waiting.RemoveFirst();
                call.WaitingNode = null;
            }

            Send(worker, call);
        }
    }

    private void Cancel(PythonCall call, CancellationToken cancellationToken)
    {
        PythonWorker? kill = null;
        PythonWorker? notify = null;
        lock (_gate)
        {
            if (call.Task.IsCompleted)
            {
                return;
            }

            if (call.WaitingNode is { } node)
            {
                _waiting.Remove(node);
                call.WaitingNode = null;
            }
            else if (call.Worker is { } worker && !worker.Dead)
            {
                if (worker.Calls.TryPeek(out PythonCall? running) && ReferenceEquals(running, call))
                {
                    worker.EndReason ??= "cancelled";
                    kill = worker;
                }
                else if (call.RequestId != 0)
                {
                    notify = worker;
                }
            }
        }

        call.TrySetCanceled(cancellationToken);
        if (kill is not null)
        {
            PythonLog.RunningCallCancelled(_logger, call.Function, kill.Id);
            kill.Kill();
        }
        else if (notify is not null)
        {
            uint requestId = call.RequestId;
            ThreadPool.UnsafeQueueUserWorkItem(
                state => SendCancel(state.Worker, state.RequestId),
                (Worker: notify, RequestId: requestId),
                preferLocal: false);
        }
    }

    private static void SendCancel(PythonWorker worker, uint requestId)
    {
        byte[] frame = new byte[PythonProtocol.HeaderSize];
        PythonProtocol.WriteHeader(frame, frame.Length, requestId, PythonProtocol.KindCancel);
        lock (worker.SendLock)
        {
            try
            {
                worker.Send(frame, frame.Length);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The worker is gone; nothing left to cancel.
            }
        }
    }

    private static bool HasUnreadAnswer(PythonWorker worker)
    {
        try
        {
            return worker.Channel.Available > 0;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private void SweepTimeouts()
    {
        List<(PythonWorker Worker, PythonCall Call)>? expired = null;
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            foreach (PythonWorker worker in _workers)
            {
                // An answer already waiting in the socket means the reader is just late, not the call.
                if (worker.EndReason is null && !worker.Exiting && worker.Calls.TryPeek(out PythonCall? running)
                    && Stopwatch.GetElapsedTime(worker.RunningSince, now) > _settings.CallTimeout
                    && !HasUnreadAnswer(worker))
                {
                    worker.EndReason = "timeout";
                    (expired ??= []).Add((worker, running));
                }
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach ((PythonWorker worker, PythonCall call) in expired)
        {
            PythonLog.CallTimedOut(_logger, call.Function, _settings.CallTimeout, worker.Id);
            call.TrySetException(new PythonTimeoutException(
                $"Python function '{call.Function}' ran longer than {_settings.CallTimeout} "
                + $"(Multiverse:Python:CallTimeout). Worker {worker.Id} was killed and replaced. Make the function "
                + "faster, or raise the timeout.",
                _settings.CallTimeout));
            worker.Kill();
        }
    }
}
