using System.Collections.Concurrent;
using System.Diagnostics;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Starts every Python process from one long-lived thread. Linux delivers a child's parent-death signal when the
/// thread that forked it ends, so starting workers from short-lived thread-pool threads would kill them at random;
/// this thread lives as long as the host.
/// </summary>
internal sealed class PythonProcessLauncher : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> _requests =
        new();

    private readonly Thread _thread;

    public PythonProcessLauncher()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "python-launcher" };
        _thread.Start();
    }

    public Task<Process> StartAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _requests.Add((startInfo, started));
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(PythonProcessLauncher));
        }

        return started.Task;
    }

    public void Dispose() => _requests.CompleteAdding();

    private void Run()
    {
        foreach ((ProcessStartInfo startInfo, TaskCompletionSource<Process> started)
            in _requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = startInfo };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
            {
                started.SetException(exception);
            }
        }
    }
}
