using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Documents;

// Usage: CrashWriter DATABASE_FILE. Commits transactions of CrashItem.ItemsPerBatch items, one batch per partition,
// and prints "committed N" after each, until the parent test kills the process mid-write.
HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Multiverse:Documents:Provider"] = "Embedded",
    ["Multiverse:Documents:Embedded:Path"] = Path.GetFullPath(args[0]),
});
builder.Logging.ClearProviders();
builder.AddMultiverse().AddDocuments(documents => documents.AddTable(
    CrashItem.TableName,
    CrashJsonContext.Default.CrashItem,
    table => table.PartitionKey(item => item.Batch).SortKey(item => item.Index)));
using IHost host = builder.Build();
await host.StartAsync();

DocumentStore store = host.Services.GetRequiredService<DocumentStore>();
DocumentTable<CrashItem> items = store.Table<CrashItem>();
string payload = new('p', 2048);
for (int batch = 0; ; batch++)
{
    DocumentTransaction transaction = store.CreateTransaction();
    for (int index = 0; index < CrashItem.ItemsPerBatch; index++)
    {
        transaction.Put(items, new CrashItem
        {
            Batch = batch.ToString(CultureInfo.InvariantCulture),
            Index = index,
            Payload = payload,
        });
    }

    await transaction.CommitAsync();
    Console.WriteLine($"committed {batch}");
}

internal sealed record CrashItem
{
    public const string TableName = "CrashItems";
    public const int ItemsPerBatch = 50;

    public required string Batch { get; init; }

    public int Index { get; init; }

    public string? Payload { get; init; }
}

[JsonSerializable(typeof(CrashItem))]
internal sealed partial class CrashJsonContext : JsonSerializerContext;
