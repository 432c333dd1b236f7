using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Benchmarks.Documents;

/// <summary>
/// Mapping a 20-attribute item to and from DynamoDB attribute-value maps: the documents store's System.Text.Json
/// mapper against the AWS SDK's object persistence model (DynamoDBContext), the baseline of each category.
/// </summary>
/// <remarks>
/// More warm-ups and iterations than a short run: with three of each, the first benchmark in the process often
/// still ran partly unoptimized code, and the baseline swung from 9 to 100 us between runs.
/// </remarks>
[ShortInProcessJob]
[WarmupCount(10)]
[IterationCount(10)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AttributeMappingBenchmarks : IDisposable
{
    private readonly BenchmarkItem _item = BenchmarkItem.Create();
    private AmazonDynamoDBClient _client = null!;
    private DynamoDBContext _context = null!;
    private readonly BenchmarkRecord _record = BenchmarkRecord.Create();
    private DocumentMapper<BenchmarkItem> _mapper = null!;
    private DocumentMapper<BenchmarkRecord> _recordMapper = null!;
    private Dictionary<string, AttributeValue> _contextMap = null!;
    private Dictionary<string, AttributeValue> _mapperMap = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The client is never called: table metadata comes from the attributes, and mapping needs no requests.
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("benchmark", "benchmark"),
            new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" });
        _context = (DynamoDBContext)new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => _client)
            .ConfigureContext(config => config.DisableFetchingTableMetadata = true)
            .Build();
        _mapper = new DocumentMapper<BenchmarkItem>(BenchmarkJsonContext.Default.BenchmarkItem, new HashSet<string>());
        _recordMapper = new DocumentMapper<BenchmarkRecord>(
            BenchmarkJsonContext.Default.BenchmarkRecord,
            new HashSet<string>());
        _contextMap = _context.ToDocument(_item).ToAttributeMap();
        _mapperMap = _mapper.ToAttributeMap(_item);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ToAttributeMap")]
    public Dictionary<string, AttributeValue> DynamoDBContext_ToAttributeMap() =>
        _context.ToDocument(_item).ToAttributeMap();

    /// <summary>
    /// What the store's writes (put, conditional put, update, batch put) do per item: take a map from the mapper's
    /// pool, map the item into it, and hand the map back once the request has completed.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("ToAttributeMap")]
    public int Documents_ToAttributeMap() => RentMapAndReturn(_mapper, _item);

    /// <summary>
    /// The same write for a positional record with the same 20 attributes, against the same baseline (the AWS SDK's
    /// DynamoDBContext mapping the class).
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("ToAttributeMap")]
    public int Documents_Record_ToAttributeMap() => RentMapAndReturn(_recordMapper, _record);

    /// <summary>
    /// The same map written by hand: what any mapper must at least allocate and spend to produce the AWS SDK's
    /// attribute values, the floor of the ratios above.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("ToAttributeMap")]
    public Dictionary<string, AttributeValue> HandWritten_ToAttributeMap()
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        return new Dictionary<string, AttributeValue>(20, StringComparer.Ordinal)
        {
            ["CustomerId"] = new() { S = _item.CustomerId },
            ["OrderId"] = new() { S = _item.OrderId },
            ["Status"] = new() { S = _item.Status },
            ["Currency"] = new() { S = _item.Currency },
            ["Channel"] = new() { S = _item.Channel },
            ["Street"] = new() { S = _item.Street },
            ["City"] = new() { S = _item.City },
            ["Country"] = new() { S = _item.Country },
            ["Note"] = new() { S = _item.Note },
            ["Email"] = new() { S = _item.Email },
            ["Quantity"] = new() { N = _item.Quantity.ToString(invariant) },
            ["Priority"] = new() { N = _item.Priority.ToString(invariant) },
            ["Version"] = new() { N = _item.Version.ToString(invariant) },
            ["ExpiresAt"] = new() { N = _item.ExpiresAt.ToString(invariant) },
            ["Total"] = new() { N = _item.Total.ToString(invariant) },
            ["Tax"] = new() { N = _item.Tax.ToString(invariant) },
            ["Weight"] = new() { N = _item.Weight.ToString(invariant) },
            ["Paid"] = new() { BOOL = _item.Paid },
            ["CreatedAt"] = new() { S = _item.CreatedAt.ToString("O", invariant) },
            ["Lines"] = new() { L = _item.Lines.Select(line => new AttributeValue { S = line }).ToList() },
        };
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("FromAttributeMap")]
    public BenchmarkItem DynamoDBContext_FromAttributeMap() =>
        _context.FromDocument<BenchmarkItem>(Document.FromAttributeMap(_contextMap));

    [Benchmark]
    [BenchmarkCategory("FromAttributeMap")]
    public BenchmarkItem Documents_FromAttributeMap() => _mapper.FromAttributeMap(_mapperMap);

    /// <summary>
    /// Reading the positional record: its constructor parameters send it through System.Text.Json as a whole.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("FromAttributeMap")]
    public BenchmarkRecord Documents_Record_FromAttributeMap() => _recordMapper.FromAttributeMap(_mapperMap);

    private static int RentMapAndReturn<TItem>(DocumentMapper<TItem> mapper, TItem item)
    {
        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(item);
        int count = map.Count;
        mapper.ReturnAttributeMap(map);
        return count;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }
}
