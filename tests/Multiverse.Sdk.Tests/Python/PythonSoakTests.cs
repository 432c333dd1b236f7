using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Tests.Python;

public sealed class PythonSoakTests
{
    private const int Calls = 20_000;
    private const int Callers = 8;

    [Fact]
    public async Task CallAsync_TwentyThousandCallsWithInjectedFailures_EveryOutcomeIsRight()
    {
        await using PythonTestHost host = await PythonTestHost.StartAsync(options =>
        {
            options.PoolSize = 2;
            options.CallTimeout = TimeSpan.FromSeconds(1);
        });
        int next = -1;
        var counts = new int[4];

        async Task CallerAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Calls)
            {
                string mode = ModeOf(index);
                try
                {
                    SoakResult result = await host.Pool.CallAsync(
                        "mv_functions:soak",
                        new SoakArguments(index, mode),
                        PythonJsonContext.Default.SoakArguments,
                        PythonJsonContext.Default.SoakResult,
                        CancellationToken.None);
                    Assert.Equal("ok", mode);
                    Assert.Equal(new SoakResult(index, index * 2), result);
                    Interlocked.Increment(ref counts[0]);
                }
                catch (PythonFunctionException exception)
                {
                    Assert.Equal("raise", mode);
                    Assert.Equal($"soak {index}", exception.PythonMessage);
                    Interlocked.Increment(ref counts[1]);
                }
                catch (PythonWorkerCrashedException exception)
                {
                    Assert.Equal("crash", mode);
                    Assert.Equal(3, exception.ExitCode);
                    Interlocked.Increment(ref counts[2]);
                }
                catch (PythonTimeoutException)
                {
                    Assert.Equal("hang", mode);
                    Interlocked.Increment(ref counts[3]);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(CallerAsync)));

        int[] expected = new int[4];
        for (int index = 0; index < Calls; index++)
        {
            expected[Array.IndexOf(["ok", "raise", "crash", "hang"], ModeOf(index))]++;
        }

        Assert.Equal(expected, counts);
    }

    private static string ModeOf(int index) => index switch
    {
        _ when index % 4001 == 2000 => "hang",
        _ when index % 997 == 500 => "crash",
        _ when index % 13 == 7 => "raise",
        _ => "ok",
    };
}
