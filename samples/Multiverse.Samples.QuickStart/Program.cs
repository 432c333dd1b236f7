using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Samples.QuickStart;
using Multiverse.Sdk.Documents;
using Multiverse.Sdk.Objects;
using Multiverse.Sdk.Python;

// The smallest complete tour of the SDK on embedded defaults: no AWS account, no Docker. Documents live in
// SQLite in memory, objects in files under a temporary folder, and pricing rules run in Python workers.
// The same code talks to DynamoDB and S3 when configuration selects those providers.
string objectsFolder = Directory.CreateTempSubdirectory("multiverse-quickstart-").FullName;
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddMultiverse(options => options.ServiceName ??= "quickstart")
    .AddDocuments(documents => documents.AddTable("Orders", QuickStartJson.Default.Order, table => table
        .PartitionKey(order => order.CustomerId)
        .SortKey(order => order.OrderId)
        .Version(order => order.Version)))
    .AddObjects(objects => objects.Embedded.RootPath = objectsFolder)
    .AddPython();

using IHost host = builder.Build();
await host.StartAsync();
try
{
    var orders = host.Services.GetRequiredService<DocumentTable<Order>>();
    var python = host.Services.GetRequiredService<IPythonWorkerPool>();
    var receipts = host.Services.GetRequiredService<IObjectStore>();

    Quote quote = await python.CallAsync(
        "pricing.rules:quote",
        new QuoteRequest("BOOK-42", 12, 4.5m),
        QuickStartJson.Default.QuoteRequest,
        QuickStartJson.Default.Quote,
        CancellationToken.None);
    Console.WriteLine($"Python priced 12 x BOOK-42 at {quote.Total} (pricing.rules:quote, in a worker process).");

    Order order = await orders.PutAsync(
        new Order("customer-1", "order-1", "BOOK-42", quote.Total, "new"),
        PutCondition.IfNotExists);
    Console.WriteLine($"Stored order {order.OrderId} (version {order.Version}) in the embedded document store.");

    Order paid = await orders.UpdateAsync("customer-1", "order-1", current => current with { Status = "paid" });
    Console.WriteLine($"Marked it paid with an optimistic-concurrency update (version {paid.Version}).");

    string receipt = $"Receipt for {paid.OrderId}: {paid.Total}";
    using var content = new MemoryStream(Encoding.UTF8.GetBytes(receipt));
    ObjectWriteResult written = await receipts.PutAsync(
        $"receipts/{paid.OrderId}.txt",
        content,
        new ObjectPutOptions { ContentType = "text/plain" });
    await using ObjectDownload download = await receipts.GetAsync(written.Key);
    using var reader = new StreamReader(download.Content);
    Console.WriteLine(
        $"Wrote {written.Key} to the embedded object store and read back: \"{await reader.ReadToEndAsync()}\".");
}
finally
{
    await host.StopAsync();
    Directory.Delete(objectsFolder, recursive: true);
}

Console.WriteLine("Done: every step ran locally on the SDK's embedded providers.");
