using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Benchmarks.Documents;

/// <summary>
/// Point reads and writes of the embedded provider through the public API, in memory and in a WAL-mode file.
/// Operations per second are 1 / Mean.
/// </summary>
[ShortInProcessJob]
[MemoryDiagnoser]
public class EmbeddedPointOperationBenchmarks : IDisposable
{
    private readonly BenchmarkItem _item = BenchmarkItem.Create();
    private IHost _host = null!;
    private DocumentTable<BenchmarkItem> _table = null!;
    private string? _folder;

    [Params("memory", "file")]
    public string Storage { get; set; } = "memory";

    [GlobalSetup]
    public void Setup()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (Storage == "file")
        {
            _folder = Directory.CreateTempSubdirectory("multiverse-benchmark-").FullName;
            builder.Configuration["Multiverse:Documents:Embedded:Path"] = Path.Combine(_folder, "documents.db");
        }

        builder.AddMultiverse().AddDocuments(documents => documents.AddTable(
            "Orders",
            BenchmarkJsonContext.Default.BenchmarkItem,
            table => table.PartitionKey(item => item.CustomerId).SortKey(item => item.OrderId)));
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _table = _host.Services.GetRequiredService<DocumentTable<BenchmarkItem>>();
        _table.PutAsync(_item).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<BenchmarkItem?> PointRead() => _table.GetAsync(_item.CustomerId, _item.OrderId);

    [Benchmark]
    public Task<BenchmarkItem> PointWrite() => _table.PutAsync(_item);

    [GlobalCleanup]
    public void Dispose()
    {
        _host?.StopAsync().GetAwaiter().GetResult();
        _host?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
