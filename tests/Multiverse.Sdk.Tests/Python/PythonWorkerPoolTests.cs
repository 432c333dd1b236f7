using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Tests.Python;

public sealed class PythonWorkerPoolTests
{
    [Fact]
    public async Task CallAsync_KeywordArguments_ReturnsResult()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        int sum = await host.Pool.CallAsync<int>("mv_functions:add", new { a = 2, b = 3 }, CancellationToken.None);

        Assert.Equal(5, sum);
    }

    [Fact]
    public async Task CallAsync_SourceGeneratedTypes_ReturnsResult()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        SoakResult result = await host.Pool.CallAsync(
            "mv_functions:soak",
            new SoakArguments(21, "ok"),
            PythonJsonContext.Default.SoakArguments,
            PythonJsonContext.Default.SoakResult,
            CancellationToken.None);

        Assert.Equal(new SoakResult(21, 42), result);
    }

    [Fact]
    public async Task CallAsync_ArrayArguments_PassesPositionalArguments()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        int[] values = await host.Pool.CallAsync<int[]>(
            "mv_functions:positional",
            new object[] { 1, 2, 3 },
            CancellationToken.None);

        Assert.Equal([1, 2, 3], values);
    }

    [Fact]
    public async Task CallAsync_NullArguments_CallsWithoutArguments()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        string? result = await host.Pool.CallAsync<string>("mv_functions:no_arguments", null, CancellationToken.None);

        Assert.Equal("nothing", result);
    }

    [Fact]
    public async Task CallAsync_FunctionNameWithoutModule_ThrowsArgumentException()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Pool.CallAsync<int>("add", null, CancellationToken.None));
    }

    [Fact]
    public async Task CallAsync_PythonRaises_ThrowsWithTypeMessageAndTracebackAndWorkerStaysAlive()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);

        PythonFunctionException exception = await Assert.ThrowsAsync<PythonFunctionException>(
            () => host.Pool.CallAsync<int>(
                "mv_functions:fail",
                new { message = "amount is negative" },
                CancellationToken.None));

        Assert.Equal("ValueError", exception.PythonType);
        Assert.Equal("amount is negative", exception.PythonMessage);
        Assert.Contains("in fail", exception.PythonTraceback, StringComparison.Ordinal);
        Assert.Equal(before, await ProcessIdAsync(host));
    }

    [Fact]
    public async Task CallAsync_CustomException_ReportsQualifiedTypeName()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        PythonFunctionException exception = await Assert.ThrowsAsync<PythonFunctionException>(
            () => host.Pool.CallAsync<int>("mv_functions:fail_custom", null, CancellationToken.None));

        Assert.Equal("mv_functions.PricingError", exception.PythonType);
    }

    [Fact]
    public async Task CallAsync_SystemExitInFunction_ThrowsPythonFunctionExceptionAndWorkerStaysAlive()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);

        PythonFunctionException exception = await Assert.ThrowsAsync<PythonFunctionException>(
            () => host.Pool.CallAsync<int>("mv_functions:exit_with", new { code = 4 }, CancellationToken.None));

        Assert.Equal("SystemExit", exception.PythonType);
        Assert.Equal(before, await ProcessIdAsync(host));
    }

    [Fact]
    public async Task CallAsync_MissingModule_ThrowsModuleNotFoundError()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        PythonFunctionException exception = await Assert.ThrowsAsync<PythonFunctionException>(
            () => host.Pool.CallAsync<int>("no_such_module:run", null, CancellationToken.None));

        Assert.Equal("ModuleNotFoundError", exception.PythonType);
    }

    [Fact]
    public async Task CallAsync_RunsLongerThanTimeout_ThrowsTimeoutAndReplacesOnlyThatWorker()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options =>
        {
            options.PoolSize = 2;
            options.CallTimeout = TimeSpan.FromSeconds(1);
        });

        Task<double> hanging = host.Pool.CallAsync<double>(
            "mv_functions:sleep",
            new { seconds = 30 },
            CancellationToken.None);
        var quick = new List<Task<int>>();
        for (int index = 0; index < 50; index++)
        {
            quick.Add(host.Pool.CallAsync<int>("mv_functions:add", new { a = index, b = 1 }, CancellationToken.None));
        }

        PythonTimeoutException exception = await Assert.ThrowsAsync<PythonTimeoutException>(() => hanging);
        Assert.Equal(TimeSpan.FromSeconds(1), exception.Timeout);
        Assert.Equal(Enumerable.Range(1, 50), await Task.WhenAll(quick));
        Assert.Equal(
            5,
            await host.Pool.CallAsync<int>("mv_functions:add", new { a = 2, b = 3 }, CancellationToken.None));
    }

    [Fact]
    public async Task CallAsync_CancelledWhileRunning_ThrowsAndReplacesWorker()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);
        using var cancellation = new CancellationTokenSource();

        Task<double> running = host.Pool.CallAsync<double>(
            "mv_functions:sleep_loudly",
            new { seconds = 30 },
            cancellation.Token);
        await WaitUntilAsync(
            () => host.Logs.Entries.Any(entry => entry.Message.EndsWith("sleeping now", StringComparison.Ordinal)));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.NotEqual(before, await ProcessIdAsync(host));
        await WaitUntilAsync(() => !ProcessExists(before));
    }

    [Fact]
    public async Task CallAsync_CancelledWhileQueuedBehindAnother_IsSkippedAndWorkerKept()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);
        using var cancellation = new CancellationTokenSource();

        Task<double> running = host.Pool.CallAsync<double>(
            "mv_functions:sleep_loudly",
            new { seconds = 1 },
            CancellationToken.None);
        Task<string> queued = host.Pool.CallAsync<string>(
            "mv_functions:mark",
            new { text = "queued call ran" },
            cancellation.Token);
        await WaitUntilAsync(
            () => host.Logs.Entries.Any(entry => entry.Message.EndsWith("sleeping now", StringComparison.Ordinal)));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(1, await running);
        Assert.Equal(
            "after",
            await host.Pool.CallAsync<string>("mv_functions:mark", new { text = "after" }, CancellationToken.None));
        Assert.DoesNotContain(
            host.Logs.Entries,
            entry => entry.Message.EndsWith("queued call ran", StringComparison.Ordinal));
        Assert.Equal(before, await ProcessIdAsync(host));
    }

    [Fact]
    public async Task CallAsync_WorkerExits_ThrowsCrashWithExitCodeAndStderrTail()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);

        PythonWorkerCrashedException exception = await Assert.ThrowsAsync<PythonWorkerCrashedException>(
            () => host.Pool.CallAsync<int>("mv_functions:crash", new { code = 17 }, CancellationToken.None));

        Assert.Equal(17, exception.ExitCode);
        Assert.Contains("about to crash with 17", exception.StandardErrorTail, StringComparison.Ordinal);
        Assert.NotEqual(before, await ProcessIdAsync(host));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:01")]
    public async Task CallAsync_SequentialCallsWithBusyPollingOffOrLong_EveryResultMatchesItsCall(string busyPoll)
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(
            settings: new() { ["Multiverse:Python:BusyPollDuration"] = busyPoll });
        var results = new List<int>();

        for (int index = 0; index < 300; index++)
        {
            results.Add(await host.Pool.CallAsync<int>(
                "mv_functions:add",
                new { a = index, b = 1 },
                CancellationToken.None));
        }

        Assert.Equal(Enumerable.Range(1, 300), results);
    }

    [Fact]
    public async Task CallAsync_WorkerExitsWhileCallerPolls_ThrowsCrashAndReplacesWorker()
    {
        // A poll longer than the call: the caller is still reading the socket itself when the worker dies.
        await using PythonTestHost host = await PythonTestHost.StartAsync(
            options => options.PoolSize = 1,
            settings: new() { ["Multiverse:Python:BusyPollDuration"] = "00:00:01" });
        int before = await ProcessIdAsync(host);

        PythonWorkerCrashedException exception = await Assert.ThrowsAsync<PythonWorkerCrashedException>(
            () => host.Pool.CallAsync<int>("mv_functions:crash", new { code = 9 }, CancellationToken.None));

        Assert.Equal(9, exception.ExitCode);
        Assert.NotEqual(before, await ProcessIdAsync(host));
    }

    [Fact]
    public async Task CallAsync_SegmentationFault_ThrowsCrashWithSignalExitCode()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        PythonWorkerCrashedException exception = await Assert.ThrowsAsync<PythonWorkerCrashedException>(
            () => host.Pool.CallAsync<int>("mv_functions:segfault", null, CancellationToken.None));

        Assert.Equal(139, exception.ExitCode);
        Assert.Equal(
            5,
            await host.Pool.CallAsync<int>("mv_functions:add", new { a = 2, b = 3 }, CancellationToken.None));
    }

    [Fact]
    public async Task CallAsync_CrashWithCallsQueuedBehind_RunsQueuedCallsOnReplacement()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        Task<int> crashing = host.Pool.CallAsync<int>("mv_functions:crash", new { code = 5 }, CancellationToken.None);
        Task<int> behind = host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 1 }, CancellationToken.None);

        await Assert.ThrowsAsync<PythonWorkerCrashedException>(() => crashing);
        Assert.Equal(2, await behind);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("naïve café, 東京, emoji 🎉, quote \" and backslash \\")]
    [InlineData("")]
    public async Task CallAsync_TextArgumentAndResult_RoundTripExactly(string text)
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        string? echoed = await host.Pool.CallAsync<string>(
            "mv_functions:echo",
            new { value = text },
            CancellationToken.None);

        Assert.Equal(text, echoed);
    }

    [Theory]
    [InlineData("mv_functions:not_json", "set")]
    [InlineData("mv_functions:circular", "RecursionError")]
    public async Task CallAsync_ResultIsNotJson_ThrowsInvalidResultAndWorkerStaysAlive(string function, string cause)
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);
        int before = await ProcessIdAsync(host);

        PythonInvalidResultException exception = await Assert.ThrowsAsync<PythonInvalidResultException>(
            () => host.Pool.CallAsync<object[]>(function, null, CancellationToken.None));

        Assert.Contains(cause, exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ProcessIdAsync(host));
    }

    [Fact]
    public async Task CallAsync_ResultIsNaN_ThrowsInvalidResult()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        await Assert.ThrowsAsync<PythonInvalidResultException>(
            () => host.Pool.CallAsync<double>("mv_functions:not_a_number", null, CancellationToken.None));
    }

    [Fact]
    public async Task CallAsync_ResultDoesNotFitType_ThrowsInvalidResult()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        await Assert.ThrowsAsync<PythonInvalidResultException>(
            () => host.Pool.CallAsync<int>("mv_functions:echo", new { value = "text" }, CancellationToken.None));
    }

    [Fact]
    public async Task CallAsync_ResultOverLimit_ThrowsTooLargeAndWorkerStaysAlive()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options =>
        {
            options.PoolSize = 1;
            options.MaxResultBytes = 1000;
        });
        int before = await ProcessIdAsync(host);

        PythonResultTooLargeException exception = await Assert.ThrowsAsync<PythonResultTooLargeException>(
            () => host.Pool.CallAsync<string>("mv_functions:text_of", new { length = 5000 }, CancellationToken.None));

        Assert.Equal(5002, exception.Size);
        Assert.Equal(1000, exception.Limit);
        Assert.Equal(before, await ProcessIdAsync(host));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00:00:00")]
    [InlineData("00:00:01")]
    public async Task CallAsync_LargeArgumentsAndResult_RoundTrip(string? busyPoll)
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(
            settings: new() { ["Multiverse:Python:BusyPollDuration"] = busyPoll });
        string large = new('y', 3 * 1024 * 1024);

        string? echoed = await host.Pool.CallAsync<string>(
            "mv_functions:echo",
            new { value = large },
            CancellationToken.None);

        Assert.Equal(large, echoed);
    }

    [Fact]
    public async Task CallAsync_PrintStorm_ReturnsResultAndLogsLinesTaggedWithWorker()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        int lines = await host.Pool.CallAsync<int>(
            "mv_functions:print_storm",
            new { lines = 20000 },
            CancellationToken.None);
        int sum = await host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 2 }, CancellationToken.None);

        Assert.Equal(20000, lines);
        Assert.Equal(3, sum);
        await WaitUntilAsync(
            () => host.Logs.Entries.Any(entry => entry.Message.EndsWith("storm line 19999", StringComparison.Ordinal)));
        Assert.Contains(host.Logs.Entries, entry => entry.Message == "Python worker 1 stdout: storm line 0");
    }

    [Fact]
    public async Task CallAsync_BinaryGarbageAndCPrintfOnStdout_ProtocolStaysIntact()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        string? result = await host.Pool.CallAsync<string>("mv_functions:binary_garbage", null, CancellationToken.None);
        int sum = await host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 2 }, CancellationToken.None);

        Assert.Equal("intact", result);
        Assert.Equal(3, sum);
        await WaitUntilAsync(
            () => host.Logs.Entries.Any(entry => entry.Message.Contains("printf from C 42", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CallAsync_StdinRead_SeesEndOfInput()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        string? read = await host.Pool.CallAsync<string>("mv_functions:read_stdin", null, CancellationToken.None);

        Assert.Equal(string.Empty, read);
    }

    [Fact]
    public async Task CallAsync_ManyConcurrentCallers_EveryResultMatchesItsCall()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        int[] results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(index =>
            host.Pool.CallAsync<int>("mv_functions:add", new { a = index, b = index }, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, 2000).Select(index => index * 2), results);
    }

    [Fact]
    public async Task RecycleAfterCalls_ReplacesWorkerAfterThatManyCalls()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options =>
        {
            options.PoolSize = 1;
            options.RecycleAfterCalls = 3;
        });

        var processIds = new List<int>();
        for (int index = 0; index < 6; index++)
        {
            processIds.Add(await ProcessIdAsync(host));
        }

        Assert.Single(processIds.Take(3).Distinct());
        Assert.Single(processIds.Skip(3).Distinct());
        Assert.NotEqual(processIds[0], processIds[3]);
        Assert.Contains(
            host.Logs.Entries,
            entry => entry.Level == LogLevel.Information
                && entry.Message.Contains("recycled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallAsync_LogsEachCallAtDebug()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync();

        await host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 2 }, CancellationToken.None);

        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Debug
            && entry.Message.StartsWith("Python call mv_functions:add on worker", StringComparison.Ordinal));
    }

    internal static Task<int> ProcessIdAsync(PythonTestHost host) =>
        host.Pool.CallAsync<int>("mv_functions:process_id", null, CancellationToken.None);

    internal static bool ProcessExists(int processId) => Directory.Exists($"/proc/{processId}")
        && !File.ReadAllText($"/proc/{processId}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
