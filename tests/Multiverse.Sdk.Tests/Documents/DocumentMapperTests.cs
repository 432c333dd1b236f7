using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

public sealed class DocumentMapperTests
{
    [Fact]
    public void ToAttributeMap_StringMembers_HoldTheItemsText()
    {
        var mapper = new DocumentMapper<Parcel>(MapperTestJsonContext.Default.Parcel, new HashSet<string>());

        var parcel = new Parcel { Id = "p-1", Label = "fragile \"é\"" };

        Dictionary<string, AttributeValue> map = mapper.ToAttributeMap(parcel);

        Assert.Equal("p-1", map["id"].S);
        Assert.Equal("fragile \"é\"", map["label"].S);
    }

    [Fact]
    public void ToAttributeMap_StringMemberWithConverter_StoresTheConvertersText()
    {
        var mapper = new DocumentMapper<Parcel>(MapperTestJsonContext.Default.Parcel, new HashSet<string>());

        Dictionary<string, AttributeValue> map = mapper.ToAttributeMap(new Parcel { Id = "p-1", Code = "abc" });

        Assert.Equal("ABC", map["code"].S);
    }

    [Fact]
    public void FromAttributeMap_StringMemberWithConverter_ReadsThroughTheConverter()
    {
        var mapper = new DocumentMapper<Parcel>(MapperTestJsonContext.Default.Parcel, new HashSet<string>());

        Parcel parcel = mapper.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "p-1" },
            ["code"] = new() { S = "XYZ" },
        });

        Assert.Equal("xyz", parcel.Code);
    }

    [Fact]
    public void FromAttributeMap_TypeWithAfterDeserializationCallback_SeesEveryString()
    {
        var mapper = new DocumentMapper<Receipt>(MapperTestJsonContext.Default.Receipt, new HashSet<string>());

        Receipt receipt = mapper.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "r-1" },
            ["label"] = new() { S = "paid" },
        });

        Assert.Equal("r-1/paid", receipt.Summary);
    }

    [Fact]
    public void FromAttributeMap_NullString_ReadsBackNull()
    {
        var mapper = new DocumentMapper<Parcel>(MapperTestJsonContext.Default.Parcel, new HashSet<string>());

        Parcel parcel = mapper.FromAttributeMap(mapper.ToAttributeMap(new Parcel { Id = "p-1", Label = null }));

        Assert.Null(parcel.Label);
    }
}

public sealed class Parcel
{
    public string Id { get; set; } = string.Empty;

    public string? Label { get; set; } = "unset";

    [JsonConverter(typeof(UpperCaseConverter))]
    public string? Code { get; set; }
}

public sealed class Receipt : IJsonOnDeserialized
{
    public string Id { get; set; } = string.Empty;

    public string? Label { get; set; }

    [JsonIgnore]
    public string? Summary { get; private set; }

    public void OnDeserialized() => Summary = $"{Id}/{Label}";
}

public sealed class UpperCaseConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()?.ToLowerInvariant();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUpperInvariant());
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Parcel))]
[JsonSerializable(typeof(Receipt))]
public sealed partial class MapperTestJsonContext : JsonSerializerContext;
