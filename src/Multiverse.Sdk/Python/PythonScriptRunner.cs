using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Starts one Python process per script, with the same interpreter, module path and environment as workers.
/// </summary>
internal sealed class PythonScriptRunner : IPythonScriptRunner
{
    private readonly PythonWorkerSettings _settings;
    private readonly PythonProcessLauncher _launcher;
    private readonly ILogger _logger;

    public PythonScriptRunner(
        PythonWorkerSettings settings,
        PythonProcessLauncher launcher,
        ILogger<PythonScriptRunner> logger)
    {
        _settings = settings;
        _launcher = launcher;
        _logger = logger;
    }

    public async Task<PythonScriptResult> RunAsync(
        string scriptPath,
        IEnumerable<string>? arguments = null,
        string? standardInput = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptPath);
        string baseFolder = _settings.ModuleFolders.Count > 0
            ? _settings.ModuleFolders[0]
            : Environment.CurrentDirectory;
        string script = Path.GetFullPath(scriptPath, baseFolder);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                $"The Python script '{script}' does not exist. Relative script paths start from '{baseFolder}'.",
                script);
        }

        TimeSpan limit = timeout ?? _settings.CallTimeout;
        string[] workerArguments =
        [
            "run",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            _settings.ModulePath,
            script,
            .. arguments ?? [],
        ];
        ProcessStartInfo startInfo = PythonProcesses.CreateStartInfo(_settings, workerArguments);

        long startedAt = Stopwatch.GetTimestamp();
        using Process process = await _launcher.StartAsync(startInfo).ConfigureAwait(false);
        using var overflow = new CancellationTokenSource();
        Task<byte[]> output = CaptureAsync(process.StandardOutput.BaseStream, overflow);
        Task<byte[]> error = CaptureAsync(process.StandardError.BaseStream, overflow);
        try
        {
            await WriteInputAsync(process, standardInput).ConfigureAwait(false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overflow.Token);
            deadline.CancelAfter(limit);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                if (overflow.IsCancellationRequested)
                {
                    throw new PythonResultTooLargeException(
                        $"The Python script '{script}' wrote more than {_settings.MaxResultBytes:N0} bytes to stdout "
                        + "or stderr (Multiverse:Python:MaxResultBytes) and was killed. "
                        + "Write less, or raise the limit.",
                        _settings.MaxResultBytes + 1L,
                        _settings.MaxResultBytes);
                }

                throw new PythonTimeoutException(
                    $"The Python script '{script}' ran longer than {limit} and was killed. Make it faster, or pass a "
                    + "longer timeout.",
                    limit);
            }

            byte[] standardOutput = await output.ConfigureAwait(false);
            byte[] standardErrorBytes = await error.ConfigureAwait(false);
            TimeSpan duration = Stopwatch.GetElapsedTime(startedAt);
            PythonLog.ScriptCompleted(_logger, script, process.ExitCode, duration.TotalMilliseconds);
            return new PythonScriptResult(
                process.ExitCode,
                Encoding.UTF8.GetString(standardOutput),
                Encoding.UTF8.GetString(standardErrorBytes),
                duration);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task WriteInputAsync(Process process, string? standardInput)
    {
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The script exited without reading all of its input; its exit code tells the story.
        }
    }

    private async Task<byte[]> CaptureAsync(Stream stream, CancellationTokenSource overflow)
    {
        using var captured = new MemoryStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (captured.Length + read > _settings.MaxResultBytes)
            {
                await overflow.CancelAsync().ConfigureAwait(false);
                return [];
            }

            captured.Write(buffer, 0, read);
        }

        return captured.ToArray();
    }
}
