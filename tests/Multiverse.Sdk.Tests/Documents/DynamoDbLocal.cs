using System.Diagnostics;
using System.Net.Sockets;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Documents;

/// <summary>
/// AWS's DynamoDB Local, in memory, on a free port; installed by eng/prerequisites/dynamodb-local.sh and stopped by
/// process id. It has no option to bind to loopback only, so each run uses its own random access key: DynamoDB Local
/// keeps a separate database per access key and region, and nobody else can reach these tables without that key.
/// </summary>
public sealed class DynamoDbLocal : IDisposable
{
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public string AccessKeyId { get; } = "test" + Guid.NewGuid().ToString("N");

    public async Task StartAsync()
    {
        string folder = TestTools.Require("dynamodb-local/DynamoDBLocal.jar", "dynamodb-local.sh");
        folder = Path.GetDirectoryName(folder)!;
        int port = FreePort.Next();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string argument in new[]
        {
            $"-Djava.library.path={Path.Combine(folder, "DynamoDBLocal_lib")}",
            "-jar", Path.Combine(folder, "DynamoDBLocal.jar"),
            "-inMemory", "-disableTelemetry", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
    }
}
