using System.Text.Json.Serialization;

namespace Multiverse.Samples.QuickStart;

/// <summary>An order document: partition key customer, sort key order, versioned for optimistic concurrency.</summary>
public sealed record Order(string CustomerId, string OrderId, string Sku, decimal Total, string Status)
{
    public long Version { get; init; }
}

/// <summary>The arguments of the Python pricing function, named as Python expects them.</summary>
public sealed record QuoteRequest(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("unit_price")] decimal UnitPrice);

/// <summary>The result of the Python pricing function.</summary>
public sealed record Quote(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("total")] decimal Total);

/// <summary>Source-generated JSON metadata: no reflection, safe for trimming and native AOT.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(Quote))]
internal sealed partial class QuickStartJson : JsonSerializerContext;
