using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.DataModel;

namespace Multiverse.Sdk.Benchmarks.Documents;

/// <summary>
/// A 20-attribute item that both mappers handle: keys, text, numbers, a date, Boolean and a list.
/// </summary>
[DynamoDBTable("benchmark-items")]
public sealed class BenchmarkItem
{
    [DynamoDBHashKey]
    public string CustomerId { get; set; } = string.Empty;

    [DynamoDBRangeKey]
    public string OrderId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string Currency { get; set; } = string.Empty;

    public string Channel { get; set; } = string.Empty;

    public string Street { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public int Priority { get; set; }

    public long Version { get; set; }

    public long ExpiresAt { get; set; }

    public decimal Total { get; set; }

    public decimal Tax { get; set; }

    public double Weight { get; set; }

    public bool Paid { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<string> Lines { get; set; } = [];

    public static BenchmarkItem Create() => new()
    {
        CustomerId = "customer-42",
        OrderId = "2026-12-03#000123",
        Status = "paid",
        Currency = "EUR",
        Channel = "web",
        Street = "1 Main Street",
        City = "Ghent",
        Country = "BE",
        Note = "Leave the parcel at the door, please.",
        Email = "someone@example.com",
        Quantity = 3,
        Priority = 1,
        Version = 7,
        ExpiresAt = 1_900_000_000,
        Total = 123.45m,
        Tax = 21.5m,
        Weight = 1.75,
        Paid = true,
        CreatedAt = new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc),
        Lines = ["book", "pen", "paper"],
    };
}

[JsonSerializable(typeof(BenchmarkItem))]
[JsonSerializable(typeof(BenchmarkRecord))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
