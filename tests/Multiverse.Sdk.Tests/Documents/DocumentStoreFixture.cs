using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

/// <summary>
/// One application host per provider, with the contract suite's tables created at start-up through
/// <c>AddMultiverse().AddDocuments(...)</c>, exactly as an application would be configured.
/// </summary>
public abstract class DocumentStoreFixture : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];

    public DocumentStore Store { get; private set; } = null!;

    public DocumentTable<Order> Orders => Store.Table<Order>();

    public DocumentTable<Counter> Counters => Store.Table<Counter>();

    public DocumentTable<Reading> Readings => Store.Table<Reading>();

    public DocumentTable<Blob> Blobs => Store.Table<Blob>();

    public DocumentTable<Everything> Everything => Store.Table<Everything>();

    public static void DeclareTables(DocumentsBuilder documents)
    {
        DocumentsTestJsonContext json = DocumentsTestJsonContext.Default;
        documents
            .AddTable("Orders", json.Order, table => table
                .PartitionKey(order => order.CustomerId)
                .SortKey(order => order.OrderId)
                .Version(order => order.Version)
                .TimeToLive(order => order.ExpiresAt)
                .GlobalIndex("ByStatus", order => order.Status, order => order.Total)
                .LocalIndex("ByCreatedAt", order => order.CreatedAt))
            .AddTable("Counters", json.Counter, table => table
                .PartitionKey(counter => counter.Id)
                .Version(counter => counter.Version))
            .AddTable("Readings", json.Reading, table => table
                .PartitionKey(reading => reading.Sensor)
                .SortKey(reading => reading.Position))
            .AddTable("Blobs", json.Blob, table => table.PartitionKey(blob => blob.Id))
            .AddTable("Everything", json.Everything, table => table
                .PartitionKey(item => item.Id)
                .StoreAsNumber(item => item.Digits));
    }

    public virtual async Task InitializeAsync()
    {
        await OnStartingAsync();
        IHost host = await StartHostAsync(DeclareTables, new Dictionary<string, string?>
        {
            ["Multiverse:Documents:CreateTables"] = "true",
            ["Multiverse:Documents:MaxUpdateAttempts"] = "200",
        });
        Store = host.Services.GetRequiredService<DocumentStore>();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (IHost host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>
    /// Starts another host on the same provider (and, for DynamoDB, the same server), with other tables or settings.
    /// </summary>
    public async Task<IHost> StartHostAsync(Action<DocumentsBuilder> tables, Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(ProviderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMultiverse().AddDocuments(tables);
        IHost host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    protected virtual Task OnStartingAsync() => Task.CompletedTask;

    protected abstract Dictionary<string, string?> ProviderSettings();
}

public sealed class EmbeddedDocumentStoreFixture : DocumentStoreFixture
{
    protected override Dictionary<string, string?> ProviderSettings() => new()
    {
        ["Multiverse:Documents:Provider"] = "Embedded",
    };
}

public sealed class DynamoDbDocumentStoreFixture : DocumentStoreFixture
{
    private readonly DynamoDbLocal _server = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _server.Dispose();
    }

    protected override Task OnStartingAsync() => _server.StartAsync();

    protected override Dictionary<string, string?> ProviderSettings() => new()
    {
        ["Multiverse:Documents:Provider"] = "DynamoDb",
        ["Multiverse:Documents:Tables:Orders"] = "orders",
        ["Multiverse:Documents:Tables:Counters"] = "counters",
        ["Multiverse:Documents:Tables:Readings"] = "readings",
        ["Multiverse:Documents:Tables:Blobs"] = "blobs",
        ["Multiverse:Documents:Tables:Everything"] = "everything",
        ["Multiverse:Aws:Region"] = "us-east-1",
        ["Multiverse:Aws:DynamoDb:ServiceUrl"] = _server.ServiceUrl.ToString(),
        ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = _server.AccessKeyId,
        ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "local-secret",
    };
}
