using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Tests.Python;

public sealed class PythonScriptRunnerTests
{
    [Fact]
    public async Task RunAsync_PassesArgumentsAndStdin_CapturesOutputAndExitCode()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        PythonScriptResult result = await host.Scripts.RunAsync(
            "mv_script.py",
            ["3", "two words"],
            standardInput: "héllo",
            cancellationToken: CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("args=3,two words", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("stdin=héllo", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("to stderr\n", result.StandardError);
    }

    [Fact]
    public async Task RunAsync_DoesNotPassSecretNamedVariables()
    {
        Environment.SetEnvironmentVariable("MULTIVERSE_TEST_SECRET", "hidden");
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        PythonScriptResult result = await host.Scripts.RunAsync(
            "mv_script.py",
            cancellationToken: CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("secret=None", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunsLongerThanTimeout_KillsAndThrowsTimeout()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        PythonTimeoutException exception = await Assert.ThrowsAsync<PythonTimeoutException>(() => host.Scripts.RunAsync(
            "mv_script.py",
            ["sleep"],
            timeout: TimeSpan.FromMilliseconds(500),
            cancellationToken: CancellationToken.None));

        Assert.Equal(TimeSpan.FromMilliseconds(500), exception.Timeout);
    }

    [Fact]
    public async Task RunAsync_MissingScript_ThrowsFileNotFound()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        await Assert.ThrowsAsync<FileNotFoundException>(
            () => host.Scripts.RunAsync("no_such_script.py", cancellationToken: CancellationToken.None));
    }
}
