using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// A writer in its own process that starts replacing an object in the embedded store, says so on standard output,
/// and then stalls mid-write until the test kills it.
/// </summary>
public static class KilledWriter
{
    public const string RootVariable = "MULTIVERSE_TEST_KILLED_WRITER_ROOT";
    public const string Key = "victim.bin";
    public const string WritingSignal = "writing";

    private const int BytesBeforeStall = 3 * 1024 * 1024;

    /// <summary>Starts the child process and kills it once it has written part of the object.</summary>
    public static async Task StartAndKillAsync(string contentRoot)
    {
        using Process writer = await StartAsync(contentRoot);
        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync();
    }

    private static async Task<Process> StartAsync(string contentRoot)
    {
        string assembly = typeof(KilledWriter).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "exec", assembly },
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment =
            {
                ["DOTNET_STARTUP_HOOKS"] = assembly,
                [RootVariable] = contentRoot,
            },
        };
        Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the writer.");
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && line != WritingSignal)
        {
        }

        if (line is null)
        {
            throw new InvalidOperationException($"The writer exited with {await ExitCodeAsync(child)} before writing.");
        }

        return child;
    }

    public static async Task RunUntilKilledAsync(string contentRoot)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.AddMultiverse().AddObjects();
        using IHost host = builder.Build();
        IObjectStore store = host.Services.GetRequiredService<IObjectStore>();
        var stalled = new TaskCompletionSource();
        var content = new GeneratedStream(long.MaxValue, seed: 2, onRead: position =>
        {
            if (position >= BytesBeforeStall)
            {
                Console.WriteLine(WritingSignal);
                Console.Out.Flush();

                // The test kills the process while the write is in progress; nothing completes this.
                stalled.Task.Wait();
            }
        });
        await store.PutAsync(Key, content);
    }

    private static async Task<int> ExitCodeAsync(Process child)
    {
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
