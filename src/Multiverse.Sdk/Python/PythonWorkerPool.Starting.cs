using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Python;

/// <summary>Starting workers: at host start, as replacements, and after recycling.</summary>
internal sealed partial class PythonWorkerPool
{
    private Exception? _lastStartFailure;

    private async Task StartWorkersAsync()
    {
        Task<PythonWorker>[] starts = Enumerable.Range(0, _settings.PoolSize).Select(_ => StartWorkerAsync()).ToArray();
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch
        {
            foreach (Task<PythonWorker> start in starts)
            {
                if (start.IsCompletedSuccessfully)
                {
                    start.Result.EndReason = "start-failed";
                    start.Result.Kill();
                }
            }

            // Await surfaces only the first failure; every worker fails the same way, so that one is enough.
            throw starts.First(start => start.IsFaulted).Exception!.InnerException!;
        }

        lock (_gate)
        {
            foreach (Task<PythonWorker> start in starts)
            {
                start.Result.Live = !_stopped;
                _workers.Add(start.Result);
            }
        }
    }

    private void StartReplacement()
    {
        Interlocked.Increment(ref _starting);
        _ = Task.Run(async () =>
        {
            TimeSpan delay = TimeSpan.Zero;
            try
            {
                while (!_stopping.IsCancellationRequested)
                {
                    try
                    {
                        PythonWorker worker = await StartWorkerAsync().ConfigureAwait(false);
                        bool stopped;
                        lock (_gate)
                        {
                            stopped = _stopped;
                            if (!stopped)
                            {
                                worker.Live = true;
                                _workers.Add(worker);
                                _lastStartFailure = null;
                            }
                        }

                        if (stopped)
                        {
                            worker.EndReason = "stopped";
                            worker.Kill();
                        }

                        return;
                    }
                    catch (Exception exception) when (exception is PythonException or MultiverseConfigurationException
                        or IOException or SocketException or System.ComponentModel.Win32Exception)
                    {
                        // A start cut short by the pool stopping is not a failure worth an error log.
                        if (_stopping.IsCancellationRequested)
                        {
                            return;
                        }

                        delay = TimeSpan.FromTicks(Math.Min(
                            Math.Max(delay.Ticks * 2, TimeSpan.TicksPerSecond),
                            s_maxRestartDelay.Ticks));
                        PythonLog.WorkerStartFailed(_logger, exception, delay);
                        lock (_gate)
                        {
                            _lastStartFailure = exception;
                            if (_workers.Count == 0)
                            {
                                FailWaiting(exception);
                            }
                        }

                        await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The pool stopped while waiting to retry.
            }
            finally
            {
                Interlocked.Decrement(ref _starting);
                DrainWaiting();
            }
        });
    }

    /// <summary>Fails every waiting call when no worker is left to run it; called under the lock.</summary>
    private void FailWaiting(Exception cause)
    {
        while (_waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            first.Value.WaitingNode = null;
            first.Value.TrySetException(new PythonWorkerStartException(
                $"No Python worker is running to take '{first.Value.Function}': {cause.Message}",
                cause));
        }
    }

    private async Task<PythonWorker> StartWorkerAsync()
    {
        long startedAt = Stopwatch.GetTimestamp();
        int id = Interlocked.Increment(ref _nextWorkerId);
        string socketPath = Path.Combine(_socketFolder, $"w{id}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);

        Process process = await _launcher.StartAsync(CreateStartInfo(socketPath)).ConfigureAwait(false);
        _metrics.WorkerStarted();
        process.StandardInput.Close();
        _ = new PythonOutputPump(
            process.StandardOutput.BaseStream,
            line => PythonLog.WorkerStandardOutput(_logger, id, line));
        var standardError = new PythonOutputPump(
            process.StandardError.BaseStream,
            line => PythonLog.WorkerStandardError(_logger, id, line));

        PythonWorker? worker = null;
        try
        {
            Socket channel = await AcceptAsync(listener, process, standardError).ConfigureAwait(false);
            File.Delete(socketPath);
            string version = ReceiveHello(channel);
            worker = new PythonWorker(
                this,
                id,
                process,
                channel,
                standardError,
                _settings.MaxResultBytes);
            worker.StartReading();
            foreach (string module in _settings.WarmUpModules)
            {
                await WarmUpAsync(worker, module).ConfigureAwait(false);
            }

            PythonLog.WorkerStarted(
                _logger,
                id,
                process.Id,
                version,
                Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
            return worker;
        }
        catch
        {
            if (worker is not null)
            {
                lock (_gate)
                {
                    worker.EndReason ??= "start-failed";
                }
            }

            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It already exited; that is why the start failed.
            }

            throw;
        }
    }

    private ProcessStartInfo CreateStartInfo(string socketPath) => PythonProcesses.CreateStartInfo(
        _settings,
        [
            "--channel",
            socketPath,
            "--host-pid",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--path",
            _settings.ModulePath,
            "--max-result-bytes",
            _settings.MaxResultBytes.ToString(CultureInfo.InvariantCulture),
            "--busy-poll-microseconds",
            ((long)_settings.BusyPollDuration.TotalMicroseconds).ToString(CultureInfo.InvariantCulture),
        ]);

    private async Task<Socket> AcceptAsync(Socket listener, Process process, PythonOutputPump standardError)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_settings.StartTimeout);
        Task<Socket> accept = listener.AcceptAsync(timeout.Token).AsTask();
        Task exited = process.WaitForExitAsync(timeout.Token);
        Task first = await Task.WhenAny(accept, exited).ConfigureAwait(false);
        if (first == accept && accept.IsCompletedSuccessfully)
        {
            return accept.Result;
        }

        if (process.HasExited)
        {
            await standardError.Completion.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            if (process.ExitCode == PythonProtocol.ExitInterpreterTooOld)
            {
                throw PythonInterpreter.TooOld(_settings.ConfiguredInterpreter, standardError.Tail);
            }

            throw new PythonWorkerStartException(
                $"The Python worker ({_settings.Interpreter}) exited with code {process.ExitCode} before it was ready. "
                + $"Its stderr ends with:{Environment.NewLine}{standardError.Tail}");
        }

        throw new PythonWorkerStartException(
            $"The Python worker ({_settings.Interpreter}, pid {process.Id}) did not connect within "
            + $"{_settings.StartTimeout} (Multiverse:Python:StartTimeout). Check that the interpreter runs, or raise "
            + "the timeout.");
    }

    private string ReceiveHello(Socket channel)
    {
        channel.ReceiveTimeout = (int)_settings.StartTimeout.TotalMilliseconds;
        byte[] header = new byte[PythonProtocol.HeaderSize];
        ReceiveExactly(channel, header);
        int length = PythonProtocol.ReadFrameLength(header);
        if (header[8] != PythonProtocol.StatusHello || length > 64 * 1024)
        {
            throw new PythonWorkerStartException("The Python worker's first message was not a greeting.");
        }

        byte[] body = new byte[length - PythonProtocol.HeaderSize];
        ReceiveExactly(channel, body);
        channel.ReceiveTimeout = 0;
        using JsonDocument hello = JsonDocument.Parse(body);
        if (hello.RootElement.TryGetProperty("executable", out JsonElement executable))
        {
            _settings.UseReportedExecutable(executable.GetString() ?? string.Empty);
        }

        return hello.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    private static void ReceiveExactly(Socket channel, byte[] buffer)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int received = channel.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
            if (received == 0)
            {
                throw new PythonWorkerStartException("The Python worker closed its channel while starting.");
            }

            filled += received;
        }
    }

    private async Task WarmUpAsync(PythonWorker worker, string module)
    {
        PythonCall call = PythonCallFactory.CreateImport(module);
        lock (_gate)
        {
            worker.Load++;
            call.State = PythonCallState.Sent;
            call.Worker = worker;
        }

        Send(worker, call);
        PythonResponse response = await call.Task.WaitAsync(_settings.StartTimeout).ConfigureAwait(false);
        try
        {
            if (response.Status != PythonProtocol.StatusOk)
            {
                (string type, string message, string traceback) = PythonResults.ReadError(response.Body);
                throw new PythonWorkerStartException(
                    $"Warm-up module '{module}' (Multiverse:Python:WarmUpModules) failed to import: {type}: {message}. "
                    + $"Fix the module or remove it from the list.{Environment.NewLine}{traceback}");
            }
        }
        finally
        {
            response.Release();
        }
    }
}
