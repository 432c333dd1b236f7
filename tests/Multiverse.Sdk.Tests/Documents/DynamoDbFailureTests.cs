using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

/// <summary>
/// What DynamoDB Local never does: throttle and leave batch items unprocessed. A client whose answers are scripted
/// stands in for DynamoDB at the HTTP client's boundary, so the store's retry and error paths run for real.
/// </summary>
public sealed class DynamoDbFailureTests
{
    [Fact]
    public async Task BatchPut_ItemsLeftUnprocessed_AreSentAgainUntilWritten()
    {
        var client = new ScriptedDynamoDb { UnprocessedBatchAnswers = 2 };
        using IHost host = await StartAsync(client);
        DocumentTable<Counter> counters = host.Services.GetRequiredService<DocumentTable<Counter>>();

        await counters.BatchPutAsync(Enumerable.Range(0, 30).Select(index => new Counter { Id = $"c{index}" }));

        Assert.Equal(30, client.WrittenItems);
    }

    [Fact]
    public async Task BatchPut_ItemsStillUnprocessedAfterTheRetries_ThrowsThrottled()
    {
        var client = new ScriptedDynamoDb { UnprocessedBatchAnswers = int.MaxValue };
        using IHost host = await StartAsync(client);
        DocumentTable<Counter> counters = host.Services.GetRequiredService<DocumentTable<Counter>>();

        DocumentThrottledException failure = await Assert.ThrowsAsync<DocumentThrottledException>(() =>
            counters.BatchPutAsync([new Counter { Id = "a" }]));

        Assert.Contains("MaxBatchRetries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ThrottledAfterTheClientsRetries_ThrowsThrottledNamingTheTable()
    {
        using IHost host = await StartAsync(new ScriptedDynamoDb());
        DocumentTable<Counter> counters = host.Services.GetRequiredService<DocumentTable<Counter>>();

        DocumentThrottledException failure = await Assert.ThrowsAsync<DocumentThrottledException>(() =>
            counters.GetAsync("a"));

        Assert.Contains("counters-table", failure.Message, StringComparison.Ordinal);
        Assert.IsType<ProvisionedThroughputExceededException>(failure.InnerException);
    }

    private static async Task<IHost> StartAsync(ScriptedDynamoDb client)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Multiverse:Documents:Provider"] = "DynamoDb",
            ["Multiverse:Documents:Tables:Counters"] = "counters-table",
            ["Multiverse:Documents:MaxBatchRetries"] = "2",
        });
        builder.Services.AddSingleton<IAmazonDynamoDB>(client);
        builder.AddMultiverse().AddDocuments(documents => documents.AddTable(
            "Counters",
            DocumentsTestJsonContext.Default.Counter,
            table => table.PartitionKey(counter => counter.Id).Version(counter => counter.Version)));
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class ScriptedDynamoDb : AmazonDynamoDBClient
    {
        private int _batchAnswers;

        public ScriptedDynamoDb()
            : base(
                new BasicAWSCredentials("scripted", "scripted"),
                new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" })
        {
        }

        public int UnprocessedBatchAnswers { get; init; }

        public int WrittenItems { get; private set; }

        public override Task<BatchWriteItemResponse> BatchWriteItemAsync(
            BatchWriteItemRequest request,
            CancellationToken cancellationToken = default)
        {
            (string table, List<WriteRequest> writes) = request.RequestItems.Single();
            if (Interlocked.Increment(ref _batchAnswers) <= UnprocessedBatchAnswers)
            {
                // Write only the first item and leave the rest unprocessed, as DynamoDB does under throttling;
                // a single item is left unprocessed whole.
                List<WriteRequest> unprocessed = writes.Count > 1 ? writes[1..] : writes;
                WrittenItems += writes.Count - unprocessed.Count;
                return Task.FromResult(new BatchWriteItemResponse
                {
                    UnprocessedItems = new Dictionary<string, List<WriteRequest>> { [table] = unprocessed },
                });
            }

            WrittenItems += writes.Count;
            return Task.FromResult(new BatchWriteItemResponse());
        }

        public override Task<GetItemResponse> GetItemAsync(
            GetItemRequest request,
            CancellationToken cancellationToken = default) =>
            throw new ProvisionedThroughputExceededException("Rate of requests exceeds the allowed throughput.");
    }
}
