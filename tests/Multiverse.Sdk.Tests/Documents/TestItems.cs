using System.Text.Json.Serialization;

namespace Multiverse.Sdk.Tests.Documents;

public sealed record Order
{
    public required string CustomerId { get; init; }

    public required string OrderId { get; init; }

    public string? Status { get; init; }

    public decimal Total { get; init; }

    public string? CreatedAt { get; init; }

    public long Version { get; init; }

    public long? ExpiresAt { get; init; }

    public List<string> Lines { get; init; } = [];
}

public sealed record Counter
{
    public required string Id { get; init; }

    public int Count { get; init; }

    public long Version { get; init; }
}

public sealed record Reading
{
    public required string Sensor { get; init; }

    public decimal Position { get; init; }

    public string? Label { get; init; }
}

public sealed record Blob
{
    public required byte[] Id { get; init; }

    public string? Note { get; init; }
}

public sealed record Everything
{
    public required string Id { get; init; }

    public decimal Money { get; init; }

    public double Ratio { get; init; }

    public long Big { get; init; }

    public string? Digits { get; init; }

    public byte[]? Data { get; init; }

    public bool Flag { get; init; }

    public string? Missing { get; init; }

    public string Empty { get; init; } = string.Empty;

    public Guid Reference { get; init; }

    public DateTimeOffset At { get; init; }

    public List<int> Numbers { get; init; } = [];

    public List<List<string>> Nested { get; init; } = [];

    public Dictionary<string, int> Counts { get; init; } = [];

    public Address? Address { get; init; }

    public HashSet<string> Tags { get; init; } = [];

    public HashSet<long> Scores { get; init; } = [];

    public List<Address> History { get; init; } = [];
}

public sealed record Address
{
    public string? Street { get; init; }

    public string? City { get; init; }

    public byte[]? Photo { get; init; }
}

public sealed record Ghost
{
    public required string Id { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Counter))]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(Blob))]
[JsonSerializable(typeof(Everything))]
[JsonSerializable(typeof(Ghost))]
public sealed partial class DocumentsTestJsonContext : JsonSerializerContext;
