using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>The published test app as a child process against a Runtime API, as Lambda would start it.</summary>
public sealed class LambdaProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LambdaProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static LambdaProcess Start(
        PublishedApp app,
        string? runtimeApi,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(app.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app.Executable),
        };
        if (runtimeApi is not null)
        {
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        }

        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "lambda-app";
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";
        start.Environment["AWS_REGION"] = "eu-west-1";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet)
        {
            // A framework-dependent app host finds the runtime through DOTNET_ROOT.
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var lambdaProcess = new LambdaProcess(process);
        process.OutputDataReceived += (_, line) => lambdaProcess.Append(line.Data);
        process.ErrorDataReceived += (_, line) => lambdaProcess.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lambdaProcess;
    }

    /// <summary>Sends SIGTERM, as Lambda does when it shuts an execution environment down.</summary>
    public void Terminate()
    {
        using Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The Lambda process did not exit within {timeout}. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
