using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Documents;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Documents;

public sealed partial class EmbeddedCrashTests : IDisposable
{
    private const int ItemsPerBatch = 50;
    private readonly string _folder = Directory.CreateTempSubdirectory("multiverse-crash-").FullName;

    [Fact]
    public async Task KilledWriter_LeavesADatabaseThatOpensWithEveryTransactionWholeOrAbsent()
    {
        string database = Path.Combine(_folder, "documents.db");
        int committed = await RunWriterUntilKilledAsync(database, killAfterBatch: 40);

        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using SqliteCommand check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Multiverse:Documents:Embedded:Path"] = database,
        });
        builder.AddMultiverse().AddDocuments(documents => documents.AddTable(
            "CrashItems",
            CrashJsonContext.Default.CrashRecord,
            table => table.PartitionKey(item => item.Batch).SortKey(item => item.Index)));
        using IHost host = builder.Build();
        await host.StartAsync();
        DocumentTable<CrashRecord> items = host.Services.GetRequiredService<DocumentTable<CrashRecord>>();

        var counts = new List<int>();
        for (int batch = 0; batch <= committed + 1; batch++)
        {
            int count = 0;
            await foreach (CrashRecord _ in items.QueryAllAsync(new DocumentQuery { PartitionKey = $"{batch}" }))
            {
                count++;
            }

            counts.Add(count);
        }

        Assert.All(counts.Take(committed + 1), count => Assert.Equal(ItemsPerBatch, count));
        Assert.All(counts.Skip(committed + 1), count => Assert.Contains(count, new[] { 0, ItemsPerBatch }));
        await host.StopAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Starts the writer, kills it right after it reports a commit, and returns that batch number.</summary>
    private static async Task<int> RunWriterUntilKilledAsync(string database, int killAfterBatch)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterAssembly());
        start.ArgumentList.Add(database);
        using Process writer = Process.Start(start) ?? throw new InvalidOperationException("The writer did not start.");
        writer.ErrorDataReceived += (_, _) => { };
        writer.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == $"committed {killAfterBatch}")
                {
                    // The writer is already inside its next transaction: kill it there.
                    writer.Kill(entireProcessTree: true);
                    await writer.WaitForExitAsync(timeout.Token);
                    return killAfterBatch;
                }
            }

            throw new InvalidOperationException($"The writer stopped before batch {killAfterBatch} (exit code "
                + $"{(writer.HasExited ? writer.ExitCode : -1)}).");
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill(entireProcessTree: true);
            }
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string WriterAssembly()
    {
        // The writer is built by the solution next to this test project, in the same configuration.
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))
            .Parent!.Name;
        string path = Path.Combine(
            TestTools.RepositoryRoot,
            "tests",
            "Multiverse.Sdk.Documents.CrashWriter",
            "bin",
            configuration,
            "net10.0",
            "Multiverse.Sdk.Documents.CrashWriter.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"'{path}' is missing. Build Multiverse.Sdk.sln in {configuration}.");
    }

    public sealed record CrashRecord
    {
        public required string Batch { get; init; }

        public int Index { get; init; }

        public string? Payload { get; init; }
    }

    [JsonSerializable(typeof(CrashRecord))]
    internal sealed partial class CrashJsonContext : JsonSerializerContext;
}
