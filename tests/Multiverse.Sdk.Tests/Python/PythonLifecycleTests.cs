using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Tests.Python;

public sealed class PythonLifecycleTests
{
    [Fact]
    public async Task StopAsync_EveryWorkerAndItsChildProcessesExit()
    {
        PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 2);
        int child = await host.Pool.CallAsync<int>("mv_functions:start_child", null, CancellationToken.None);
        IReadOnlyList<int> workers = host.PoolInternals.WorkerProcessIds;
        Assert.Equal(2, workers.Count);
        Assert.True(PythonWorkerPoolTests.ProcessExists(child));

        await host.DisposeAsync();

        await PythonWorkerPoolTests.WaitUntilAsync(() => !PythonWorkerPoolTests.ProcessExists(child));
        Assert.All(workers, worker => Assert.False(PythonWorkerPoolTests.ProcessExists(worker)));
    }

    [Fact]
    public async Task HostKilled_BusyWorkerDiesWithIt()
    {
        string interpreter = PythonInterpreter.Resolve("python3", AppContext.BaseDirectory);
        var startInfo = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(PythonTestHost.ModuleFolder, "mv_host.py"));
        startInfo.ArgumentList.Add(PythonWorkerScript.Path);
        startInfo.ArgumentList.Add(PythonTestHost.ModuleFolder);
        using Process stand_in = Process.Start(startInfo)!;
        int worker = int.Parse(
            await stand_in.StandardOutput.ReadLineAsync() ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(PythonWorkerPoolTests.ProcessExists(worker));

        stand_in.Kill();
        await stand_in.WaitForExitAsync();

        await PythonWorkerPoolTests.WaitUntilAsync(() => !PythonWorkerPoolTests.ProcessExists(worker));
    }

    [Fact]
    public async Task StartAsync_InterpreterMissing_FailsNamingThePathAndSetting()
    {
        PythonTestHost host = PythonTestHost.Build(options => options.InterpreterPath = "/opt/nowhere/bin/python3");

        MultiverseConfigurationException exception = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => host.Host.StartAsync());

        Assert.Contains("/opt/nowhere/bin/python3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse:Python:InterpreterPath", exception.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public async Task StartAsync_InterpreterNotOnPath_FailsNamingTheCommand()
    {
        PythonTestHost host = PythonTestHost.Build(options => options.InterpreterPath = "python-that-does-not-exist");

        MultiverseConfigurationException exception = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => host.Host.StartAsync());

        Assert.Contains(
            "'python-that-does-not-exist' was not found on PATH",
            exception.Message,
            StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [OldPythonFact]
    public async Task StartAsync_InterpreterTooOld_FailsNamingThePathAndVersion()
    {
        PythonTestHost host = PythonTestHost.Build(
            options => options.InterpreterPath = OldPythonFactAttribute.Interpreter!);

        MultiverseConfigurationException exception = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => host.Host.StartAsync());

        Assert.Contains(OldPythonFactAttribute.Interpreter!, exception.Message, StringComparison.Ordinal);
        Assert.Contains("older than the supported 3.9", exception.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public async Task StartAsync_PoolSizeZero_FailsNamingTheSetting()
    {
        PythonTestHost host = PythonTestHost.Build(settings: new() { ["Multiverse:Python:PoolSize"] = "0" });

        MultiverseConfigurationException exception = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => host.Host.StartAsync());

        Assert.Contains("Multiverse:Python:PoolSize", exception.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Theory]
    [InlineData("-00:00:00.001")]
    [InlineData("00:00:02")]
    public async Task StartAsync_BusyPollDurationOutOfRange_FailsNamingTheSetting(string duration)
    {
        PythonTestHost host = PythonTestHost.Build(
            settings: new() { ["Multiverse:Python:BusyPollDuration"] = duration });

        MultiverseConfigurationException exception = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => host.Host.StartAsync());

        Assert.Contains("Multiverse:Python:BusyPollDuration", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Python__BusyPollDuration", exception.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public async Task StartAsync_WarmUpModules_AreImportedBeforeTheFirstCall()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(
            settings: new() { ["Multiverse:Python:WarmUpModules:0"] = "mv_warm" });

        bool loaded = await host.Pool.CallAsync<bool>(
            "mv_functions:loaded",
            new { module = "mv_warm" },
            CancellationToken.None);

        Assert.True(loaded);
    }

    [Fact]
    public async Task StartAsync_WarmUpModuleRaises_FailsWithTheModulesError()
    {
        PythonTestHost host = PythonTestHost.Build(options => options.WarmUpModules.Add("mv_broken"));

        PythonWorkerStartException exception = await Assert.ThrowsAsync<PythonWorkerStartException>(
            () => host.Host.StartAsync());

        Assert.Contains("mv_broken", exception.Message, StringComparison.Ordinal);
        Assert.Contains("broken on purpose", exception.Message, StringComparison.Ordinal);
        await host.Host.StopAsync();
        host.Host.Dispose();
    }

    [Fact]
    public async Task Workers_DoNotInheritSecretNamedVariables()
    {
        Environment.SetEnvironmentVariable("MULTIVERSE_TEST_SECRET", "hidden");
        Environment.SetEnvironmentVariable("MULTIVERSE_TEST_PLAIN", "visible");
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        string? secret = await host.Pool.CallAsync<string>(
            "mv_functions:environment",
            new { name = "MULTIVERSE_TEST_SECRET" },
            CancellationToken.None);
        string? plain = await host.Pool.CallAsync<string>(
            "mv_functions:environment",
            new { name = "MULTIVERSE_TEST_PLAIN" },
            CancellationToken.None);

        Assert.Null(secret);
        Assert.Equal("visible", plain);
    }

    [Fact]
    public async Task Workers_ReceivePassedThroughSecretVariables()
    {
        Environment.SetEnvironmentVariable("MULTIVERSE_TEST_API_TOKEN", "shared");
        await using PythonTestHost host = await PythonTestHost.StartAsync(
            options => options.PassThroughEnvironmentVariables.Add("MULTIVERSE_TEST_API_TOKEN"));

        string? token = await host.Pool.CallAsync<string>(
            "mv_functions:environment",
            new { name = "MULTIVERSE_TEST_API_TOKEN" },
            CancellationToken.None);

        Assert.Equal("shared", token);
    }

    [Fact]
    public void EnvironmentBuild_LeavesOutAwsCredentialsUnlessPassedThrough()
    {
        var host = new System.Collections.Hashtable
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIA",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "token",
            ["AWS_REGION"] = "eu-west-1",
            ["DB_PASSWORD"] = "password",
        };
        var options = new PythonOptions();
        options.PassThroughEnvironmentVariables.Add("AWS_SESSION_TOKEN");

        Dictionary<string, string> environment = PythonEnvironment.Build(options, host);

        Assert.Equal(
            ["AWS_REGION", "AWS_SESSION_TOKEN"],
            environment.Keys.Where(key => key != "PYTHONIOENCODING").Order());
    }

    [Fact]
    public async Task CallAsync_BeforeHostStart_StartsThePool()
    {
        PythonTestHost host = PythonTestHost.Build();
        try
        {
            int sum = await host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 1 }, CancellationToken.None);

            Assert.Equal(2, sum);
        }
        finally
        {
            await host.Host.Services.GetRequiredService<PythonWorkerPool>().DisposeAsync();
            host.Host.Dispose();
        }
    }
}
