using System.Buffers;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Writes and reads attribute-value maps in DynamoDB's own JSON form (<c>{"name":{"S":"text"}}</c>): how the
/// embedded provider stores items, and the content of continuation tokens.
/// </summary>
internal static class AttributeValueJson
{
    public static byte[] Serialize(Dictionary<string, AttributeValue> item)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMap(writer, item);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Dictionary<string, AttributeValue> Deserialize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An attribute-value map must be a JSON object.");
        }

        return ReadMap(ref reader);
    }

    private static void WriteMap(Utf8JsonWriter writer, Dictionary<string, AttributeValue> map)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, AttributeValue> attribute in map)
        {
            writer.WritePropertyName(attribute.Key);
            WriteValue(writer, attribute.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteBase64String("B", AttributeValues.Span(value.B));
        }
        else if (value.BOOL is bool flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            WriteMap(writer, value.M);
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (AttributeValue element in value.L)
            {
                WriteValue(writer, element);
            }

            writer.WriteEndArray();
        }
        else if (value.SS is not null)
        {
            WriteStrings(writer, "SS", value.SS);
        }
        else if (value.NS is not null)
        {
            WriteStrings(writer, "NS", value.NS);
        }
        else if (value.BS is not null)
        {
            writer.WriteStartArray("BS");
            foreach (MemoryStream member in value.BS)
            {
                writer.WriteBase64StringValue(AttributeValues.Span(member));
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteBoolean("NULL", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string type, List<string> members)
    {
        writer.WriteStartArray(type);
        foreach (string member in members)
        {
            writer.WriteStringValue(member);
        }

        writer.WriteEndArray();
    }

    private static Dictionary<string, AttributeValue> ReadMap(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            map[name] = ReadValue(ref reader);
        }

        return map;
    }

    private static AttributeValue ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read()
            || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("An attribute value must be an object with one type property.");
        }

        string type = reader.GetString()!;
        reader.Read();
        AttributeValue value = type switch
        {
            "S" => new AttributeValue { S = reader.GetString() },
            "N" => new AttributeValue { N = reader.GetString() },
            "B" => new AttributeValue { B = new MemoryStream(reader.GetBytesFromBase64()) },
            "BOOL" => new AttributeValue { BOOL = reader.GetBoolean() },
            "NULL" => new AttributeValue { NULL = true },
            "M" => new AttributeValue { M = ReadMap(ref reader) },
            "L" => new AttributeValue { L = ReadList(ref reader) },
            "SS" => new AttributeValue { SS = ReadStrings(ref reader) },
            "NS" => new AttributeValue { NS = ReadStrings(ref reader) },
            "BS" => new AttributeValue
            {
                BS = ReadStrings(ref reader).Select(text => new MemoryStream(Convert.FromBase64String(text))).ToList(),
            },
            _ => throw new JsonException($"'{type}' is not a DynamoDB attribute type."),
        };
        reader.Read();
        return value;
    }

    private static List<AttributeValue> ReadList(ref Utf8JsonReader reader)
    {
        var list = new List<AttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadValue(ref reader));
        }

        return list;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.GetString()!);
        }

        return list;
    }
}
