using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

/// <summary>
/// Members mapped without JSON must give exactly what System.Text.Json writes and reads for the same member.
/// </summary>
public sealed class DirectMappingTests
{
    private static readonly DocumentMapper<Measurement> s_mapper =
        new(DirectMappingJsonContext.Default.Measurement, new HashSet<string>());

    public static TheoryData<decimal> Decimals =>
    [
        1.50m, 0m, 0.0m, -1.000m, 123.45m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
        79228162514264337593543950.335m,
    ];

    public static TheoryData<double> Doubles => [0.1, 1e300, -0.0, 0, 1.75, double.MaxValue, double.MinValue,
        double.Epsilon, 1e-7, 123456789012345678, 5e-324, 1.0 / 3];

    public static TheoryData<float> Singles => [0.1f, -0.0f, float.MaxValue, float.Epsilon, 1e-7f, 16777217f];

    public static TheoryData<DateTime> Dates =>
    [
        new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 3, 17, 0, 0, 120, DateTimeKind.Utc),
        new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Unspecified).AddTicks(1),
        new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Local),
        new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567),
        new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc).AddTicks(1_000_000),
        DateTime.MinValue,
        DateTime.MaxValue,
    ];

    public static TheoryData<DateTimeOffset> Offsets =>
    [
        new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 3, 17, 0, 0, 500, TimeSpan.FromHours(-9.5)),
        new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.FromHours(14)).AddTicks(10),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public void ToAttributeMap_Decimal_HoldsTheSerializersText(decimal value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Money = value });

        Assert.Equal(JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.Decimal), map["Money"].N);
    }

    [Theory]
    [MemberData(nameof(Decimals))]
    public void FromAttributeMap_Decimal_KeepsValueAndScale(decimal value)
    {
        Measurement read = s_mapper.FromAttributeMap(s_mapper.ToAttributeMap(new Measurement { Money = value }));

        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), read.Money.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Doubles))]
    public void ToAttributeMap_Double_HoldsTheSerializersText(double value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Ratio = value });

        Assert.Equal(JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.Double), map["Ratio"].N);
    }

    [Theory]
    [MemberData(nameof(Doubles))]
    public void FromAttributeMap_Double_ReadsTheSameBits(double value)
    {
        Measurement read = s_mapper.FromAttributeMap(s_mapper.ToAttributeMap(new Measurement { Ratio = value }));

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read.Ratio));
    }

    [Theory]
    [MemberData(nameof(Singles))]
    public void ToAttributeMap_Single_HoldsTheSerializersText(float value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Fraction = value });

        Assert.Equal(JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.Single), map["Fraction"].N);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void ToAttributeMap_Int64_RoundTripsWithTheSerializersText(long value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Big = value });

        Assert.Equal(JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.Int64), map["Big"].N);
        Assert.Equal(value, s_mapper.FromAttributeMap(map).Big);
    }

    [Fact]
    public void ToAttributeMap_OtherIntegers_RoundTripAtTheirLimits()
    {
        var item = new Measurement
        {
            Tiny = byte.MaxValue,
            SignedTiny = sbyte.MinValue,
            Small = short.MinValue,
            UnsignedSmall = ushort.MaxValue,
            Count = int.MinValue,
            UnsignedCount = uint.MaxValue,
            Huge = ulong.MaxValue,
        };

        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(item);
        Measurement read = s_mapper.FromAttributeMap(map);

        Assert.Equal("18446744073709551615", map["Huge"].N);
        Assert.Equal(
            (item.Tiny, item.SignedTiny, item.Small, item.UnsignedSmall, item.Count, item.UnsignedCount, item.Huge),
            (read.Tiny, read.SignedTiny, read.Small, read.UnsignedSmall, read.Count, read.UnsignedCount, read.Huge));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ToAttributeMap_NonFiniteDouble_ThrowsAsTheSerializerDoes(double value)
    {
        var item = new Measurement { Ratio = value };
        Exception expected = Record.Exception(
            () => JsonSerializer.Serialize(item, DirectMappingJsonContext.Default.Measurement))!;

        Exception actual = Record.Exception(() => s_mapper.ToAttributeMap(item))!;

        Assert.IsType(expected.GetType(), actual);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public void FromAttributeMap_NumberOutsideTheMembersType_ThrowsJsonException(string stored)
    {
        var map = new Dictionary<string, AttributeValue> { ["Count"] = new() { N = stored } };

        Assert.ThrowsAny<JsonException>(() => s_mapper.FromAttributeMap(map));
    }

    [Fact]
    public void FromAttributeMap_StringForNumberMember_ThrowsJsonException()
    {
        var map = new Dictionary<string, AttributeValue> { ["Count"] = new() { S = "5" } };

        Assert.ThrowsAny<JsonException>(() => s_mapper.FromAttributeMap(map));
    }

    [Fact]
    public void FromAttributeMap_NullForNonNullableNumber_ThrowsJsonException()
    {
        var map = new Dictionary<string, AttributeValue> { ["Count"] = new() { NULL = true } };

        Assert.ThrowsAny<JsonException>(() => s_mapper.FromAttributeMap(map));
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void ToAttributeMap_DateTime_HoldsTheSerializersText(DateTime value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { At = value });

        Assert.Equal(JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.DateTime), $"\"{map["At"].S}\"");
        Assert.Equal(value, s_mapper.FromAttributeMap(map).At);
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void ToAttributeMap_DateTimeOffset_HoldsTheSerializersText(DateTimeOffset value)
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Offset = value });

        Assert.Equal(
            JsonSerializer.Serialize(value, DirectMappingJsonContext.Default.DateTimeOffset),
            $"\"{map["Offset"].S}\"");
        DateTimeOffset read = s_mapper.FromAttributeMap(map).Offset;
        Assert.Equal((value, value.Offset), (read, read.Offset));
    }

    [Fact]
    public void ToAttributeMap_Guid_HoldsTheSerializersText()
    {
        var item = new Measurement { Reference = Guid.Parse("8c5f0f5e-3f7a-4c55-9d0e-2b1f64f0a001") };

        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(item);

        Assert.Equal(
            JsonSerializer.Serialize(item.Reference, DirectMappingJsonContext.Default.Guid),
            $"\"{map["Reference"].S}\"");
        Assert.Equal(item.Reference, s_mapper.FromAttributeMap(map).Reference);
    }

    [Theory]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("3 December 2026")]
    public void FromAttributeMap_TextThatIsNoSerializerDate_ThrowsJsonException(string stored)
    {
        var map = new Dictionary<string, AttributeValue> { ["At"] = new() { S = stored } };

        Assert.ThrowsAny<JsonException>(() => s_mapper.FromAttributeMap(map));
    }

    [Fact]
    public void ToAttributeMap_NullNullableMembers_StoreNull()
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement());

        Assert.True(map["Optional"].NULL);
        Assert.True(map["OptionalFlag"].NULL);
        Assert.True(map["Lines"].NULL);
    }

    [Fact]
    public void FromAttributeMap_NullAttributes_ReplaceTheConstructorsValuesWithNull()
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["label_text"] = new() { NULL = true },
            ["Preset"] = new() { NULL = true },
            ["PresetLines"] = new() { NULL = true },
        };

        Measurement read = s_mapper.FromAttributeMap(map);

        Assert.Equal((null, null, null), (read.Label, read.Preset, read.PresetLines));
    }

    [Fact]
    public void ToAttributeMap_StringList_KeepsOrderAndNullElements()
    {
        var item = new Measurement { Lines = ["b", null!, "a"] };

        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(item);
        Measurement read = s_mapper.FromAttributeMap(map);

        Assert.Equal(["b", null, "a"], map["Lines"].L.Select(element => element.NULL == true ? null : element.S));
        Assert.Equal(["b", null!, "a"], read.Lines!);
    }

    [Fact]
    public void FromAttributeMap_StringListWithNumber_ThrowsJsonException()
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["Lines"] = new() { L = [new() { S = "a" }, new() { N = "1" }] },
        };

        Assert.ThrowsAny<JsonException>(() => s_mapper.FromAttributeMap(map));
    }

    [Fact]
    public void ToAttributeMap_IgnoredWhenNullOrDefault_LeavesThoseMembersOut()
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement());

        Assert.False(map.ContainsKey("Comment"));
        Assert.False(map.ContainsKey("Retries"));
        Assert.False(map.ContainsKey("Secret"));
    }

    [Fact]
    public void ToAttributeMap_IgnoredWhenNullOrDefault_WritesSetMembers()
    {
        var item = new Measurement { Comment = "checked", Retries = 2, Secret = "hidden" };

        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(item);
        Measurement read = s_mapper.FromAttributeMap(map);

        Assert.Equal(("checked", "2"), (map["Comment"].S, map["Retries"].N));
        Assert.False(map.ContainsKey("Secret"));
        Assert.Equal(("checked", 2, null), (read.Comment, read.Retries, read.Secret));
    }

    [Fact]
    public void ToAttributeMap_RenamedMember_UsesItsJsonName()
    {
        Dictionary<string, AttributeValue> map = s_mapper.ToAttributeMap(new Measurement { Label = "x" });

        Assert.Equal("x", map["label_text"].S);
        Assert.Equal("x", s_mapper.FromAttributeMap(map).Label);
    }

    [Fact]
    public void FromAttributeMap_UnknownAttributes_AreIgnored()
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["Count"] = new() { N = "4" },
            ["Elsewhere"] = new() { S = "ignored" },
        };

        Assert.Equal(4, s_mapper.FromAttributeMap(map).Count);
    }

    [Fact]
    public void FromAttributeMap_MissingAttributes_KeepTheConstructorsValues()
    {
        Measurement read = s_mapper.FromAttributeMap([]);

        Assert.Equal("unset", read.Label);
    }

    [Fact]
    public void ToAttributeMap_MemberWithOptionsConverter_UsesTheConverter()
    {
        var options = new JsonSerializerOptions(DirectMappingJsonContext.Default.Options);
        options.Converters.Add(new DoublingInt32Converter());
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Measurement>)options.GetTypeInfo(
            typeof(Measurement));
        var mapper = new DocumentMapper<Measurement>(typeInfo, new HashSet<string>());

        Dictionary<string, AttributeValue> map = mapper.ToAttributeMap(new Measurement { Count = 21 });

        Assert.Equal("42", map["Count"].N);
        Assert.Equal(21, mapper.FromAttributeMap(map).Count);
    }

    [Fact]
    public void ToAttributeMap_OptionsIgnoringNulls_LeavesNullMembersOut()
    {
        var options = new JsonSerializerOptions(DirectMappingJsonContext.Default.Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Measurement>)options.GetTypeInfo(
            typeof(Measurement));
        var mapper = new DocumentMapper<Measurement>(typeInfo, new HashSet<string>());

        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(new Measurement { Label = null });

        Assert.False(map.ContainsKey("label_text"));
        Assert.False(map.ContainsKey("Optional"));
        Assert.Equal("0", map["Count"].N);
    }

    [Fact]
    public void ToAttributeMap_ObsoleteIgnoreNullValues_LeavesNullMembersOut()
    {
#pragma warning disable SYSLIB0020
        var options = new JsonSerializerOptions(DirectMappingJsonContext.Default.Options) { IgnoreNullValues = true };
#pragma warning restore SYSLIB0020
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Measurement>)options.GetTypeInfo(
            typeof(Measurement));
        var mapper = new DocumentMapper<Measurement>(typeInfo, new HashSet<string>());

        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(new Measurement { Label = null });

        Assert.False(map.ContainsKey("label_text"));
        Assert.False(map.ContainsKey("Optional"));
    }

    [Fact]
    public void ReturnAttributeMap_RentedMap_ClearsEveryAttributeValueNestedOnesIncluded()
    {
        var mapper = new DocumentMapper<Measurement>(
            DirectMappingJsonContext.Default.Measurement,
            new HashSet<string>());
        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(new Measurement { Lines = ["a"], Count = 3 });
        AttributeValue[] values = [.. map.Values, .. map["Lines"].L];
        values[0].SS = ["s"];
        values[0].NS = ["1"];
        values[0].BS = [new MemoryStream()];
        values[0].B = new MemoryStream();
        values[0].M = [];

        mapper.ReturnAttributeMap(map);

        Assert.Empty(map);
        Assert.All(values, value => Assert.True(
            value is { S: null, N: null, B: null, BOOL: null, NULL: null, L: null, M: null, SS: null, NS: null }
                && value.BS is null));
    }

    [Fact]
    public void RentAttributeMap_AfterReturn_HoldsOnlyTheNewItem()
    {
        var mapper = new DocumentMapper<Measurement>(
            DirectMappingJsonContext.Default.Measurement,
            new HashSet<string>());
        Dictionary<string, AttributeValue> first = mapper.RentAttributeMap(new Measurement { Comment = "first" });
        first["Extra"] = new AttributeValue { S = "added by the store" };
        mapper.ReturnAttributeMap(first);

        Dictionary<string, AttributeValue> second = mapper.RentAttributeMap(new Measurement { Count = 7 });

        Assert.Equal(mapper.ToAttributeMap(new Measurement { Count = 7 }).Keys.Order(), second.Keys.Order());
        Assert.Equal("7", second["Count"].N);
        Assert.True(second["Optional"].NULL);
        Assert.Null(second["Optional"].N);
    }

    [Fact]
    public void RentAttributeMap_LongStringListsOneAfterAnother_HoldEachItemsList()
    {
        var mapper = new DocumentMapper<Measurement>(
            DirectMappingJsonContext.Default.Measurement,
            new HashSet<string>());
        List<string> first = [.. Enumerable.Range(0, 300).Select(index => $"first-{index}")];
        List<string> second = [.. Enumerable.Range(0, 250).Select(index => $"second-{index}")];
        mapper.ReturnAttributeMap(mapper.RentAttributeMap(new Measurement { Lines = first }));

        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(new Measurement { Lines = second, Count = 1 });

        Assert.Equal(second, map["Lines"].L.Select(element => element.S));
        Assert.Equal("1", map["Count"].N);
    }

    [Fact]
    public void ReturnAttributeMap_Twice_NeverHandsTheMapOutTwice()
    {
        var mapper = new DocumentMapper<Measurement>(
            DirectMappingJsonContext.Default.Measurement,
            new HashSet<string>());
        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(new Measurement());
        mapper.ReturnAttributeMap(map);
        mapper.ReturnAttributeMap(map);

        Dictionary<string, AttributeValue> first = mapper.RentAttributeMap(new Measurement());
        Dictionary<string, AttributeValue> second = mapper.RentAttributeMap(new Measurement());

        Assert.NotSame(first, second);
    }

    [Fact]
    public void RentAttributeMap_PositionalRecord_MapsLikeTheClass()
    {
        var mapper = new DocumentMapper<MeasurementRecord>(
            DirectMappingJsonContext.Default.MeasurementRecord,
            new HashSet<string>());
        var record = new MeasurementRecord("m-1", 2.50m, ["a", "b"]);

        Dictionary<string, AttributeValue> map = mapper.RentAttributeMap(record);
        MeasurementRecord read = mapper.FromAttributeMap(map);

        Assert.Equal(("m-1", "2.50", 2), (map["Id"].S, map["Money"].N, map["Lines"].L.Count));
        Assert.Equal((record.Id, record.Money, record.Lines), (read.Id, read.Money, read.Lines), new RecordComparer());
    }

    private sealed class RecordComparer : IEqualityComparer<(string, decimal, List<string>)>
    {
        public bool Equals((string, decimal, List<string>) x, (string, decimal, List<string>) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3.SequenceEqual(y.Item3);

        public int GetHashCode((string, decimal, List<string>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class Measurement
{
    public byte Tiny { get; set; }

    public sbyte SignedTiny { get; set; }

    public short Small { get; set; }

    public ushort UnsignedSmall { get; set; }

    public int Count { get; set; }

    public uint UnsignedCount { get; set; }

    public long Big { get; set; }

    public ulong Huge { get; set; }

    public decimal Money { get; set; }

    public double Ratio { get; set; }

    public float Fraction { get; set; }

    public DateTime At { get; set; }

    public DateTimeOffset Offset { get; set; }

    public Guid Reference { get; set; }

    public int? Optional { get; set; }

    public bool? OptionalFlag { get; set; }

    public List<string>? Lines { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Retries { get; set; }

    [JsonIgnore]
    public string? Secret { get; set; }

    public int? Preset { get; set; } = 1;

    public List<string>? PresetLines { get; set; } = ["preset"];

    [JsonPropertyName("label_text")]
    public string? Label { get; set; } = "unset";
}

public sealed record MeasurementRecord(string Id, decimal Money, List<string> Lines);

public sealed class DoublingInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetInt32() / 2;

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value * 2);
}

[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(MeasurementRecord))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
public sealed partial class DirectMappingJsonContext : JsonSerializerContext;
