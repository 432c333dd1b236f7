using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Maps items to and from DynamoDB attribute-value maps through System.Text.Json: the item is written as UTF-8
/// JSON by its (source-generated) <see cref="JsonTypeInfo{T}"/> and the JSON tokens become attribute values, guided
/// by a shape tree built once from the same metadata. No reflection runs per item, and numbers keep their exact
/// decimal text.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class DocumentMapper<T>
{
    private const int MaxPooledMaps = 16;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly AttributeShape _shape;
    private readonly PropertyShape[] _writableStrings;
    private readonly ItemMember[]? _writeMembers;
    private readonly ItemMember[]? _readMembers;
    private readonly AttributeMapPool? _pool;

    public DocumentMapper(JsonTypeInfo<T> typeInfo, IReadOnlySet<string> numberAttributes)
    {
        _typeInfo = typeInfo;
        _shape = ShapeBuilder.Build(typeInfo.Options, typeof(T), numberAttributes);
        if (_shape.Kind != AttributeShapeKind.Object)
        {
            throw new ArgumentException(
                $"{typeof(T).Name} must serialize as a JSON object to be stored as an item.", nameof(typeInfo));
        }

        _writableStrings = [.. _shape.Properties.Where(property => property.WritableString)];
        _writeMembers = ShapeBuilder.BuildMembers(typeInfo, _shape, forReading: false);
        _readMembers = ShapeBuilder.BuildMembers(typeInfo, _shape, forReading: true);
        if (_writeMembers is not null)
        {
            // One map per concurrent write is enough; the version attribute may add one entry.
            _pool = new AttributeMapPool(MaxPooledMaps, _writeMembers.Length + 1);
        }
    }

    public JsonTypeInfo<T> TypeInfo => _typeInfo;

    public static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(float)
        || type == typeof(Int128) || type == typeof(UInt128);

    public Dictionary<string, AttributeValue> ToAttributeMap(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_writeMembers is not null)
        {
            var map = new Dictionary<string, AttributeValue>(_writeMembers.Length, StringComparer.Ordinal);
            WriteMembers(item, _writeMembers, map);
            return map;
        }

        Utf8JsonWriter writer = RentWriter(out ArrayBufferWriter<byte> buffer);
        JsonSerializer.Serialize(writer, item, _typeInfo);
        writer.Flush();

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return ReadObject(ref reader, _shape, item);
    }

    /// <summary>
    /// Maps the item into a map that the mapper reuses: call <see cref="ReturnAttributeMap"/> once no request, result
    /// or exception refers to the map or its attribute values any more. Items that take the whole-item JSON route get
    /// a map of their own, which returning leaves alone.
    /// </summary>
    public Dictionary<string, AttributeValue> RentAttributeMap(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_pool is null)
        {
            return ToAttributeMap(item);
        }

        ReusableAttributeDictionary map = _pool.Rent();
        WriteMembers(item, _writeMembers!, map);
        return map;
    }

    /// <summary>Takes back a map from <see cref="RentAttributeMap"/>, clearing it and its attribute values.</summary>
    public void ReturnAttributeMap(Dictionary<string, AttributeValue> map)
    {
        if (map is ReusableAttributeDictionary reusable)
        {
            _pool?.Return(reusable);
        }
    }

    public T FromAttributeMap(Dictionary<string, AttributeValue> item)
    {
        if (_readMembers is not null)
        {
            return ReadMembers(item, _readMembers);
        }

        Utf8JsonWriter writer = RentWriter(out ArrayBufferWriter<byte> buffer);
        WriteObject(writer, item, _shape, isItem: true);
        writer.Flush();
        T result = JsonSerializer.Deserialize(buffer.WrittenSpan, _typeInfo)
            ?? throw new JsonException($"The stored item does not describe a {typeof(T).Name}.");
        foreach (PropertyShape property in _writableStrings)
        {
            if (item.TryGetValue(property.Name, out AttributeValue? value) && value.S is not null)
            {
                property.ReadableString!.Set!(result, value.S);
            }
        }

        return result;
    }

    private static void WriteMembers(object item, ItemMember[] members, Dictionary<string, AttributeValue> map)
    {
        var reusable = map as ReusableAttributeDictionary;
        foreach (ItemMember member in members)
        {
            JsonPropertyInfo property = member.Property;
            object? value = property.Get!(item);
            if (property.ShouldSerialize is { } shouldSerialize && !shouldSerialize(item, value))
            {
                continue;
            }

            AttributeValue attribute = reusable?.NextValue() ?? new AttributeValue();
            if (member.Direct != DirectKind.None)
            {
                if (value is null)
                {
                    attribute.NULL = true;
                    map[property.Name] = attribute;
                    continue;
                }

                if (DirectValues.TryWrite(member.Direct, value, attribute, reusable))
                {
                    map[property.Name] = attribute;
                    continue;
                }
            }

            map[property.Name] = SerializeMember(member, value, attribute);
        }
    }

    private T ReadMembers(Dictionary<string, AttributeValue> item, ItemMember[] members)
    {
        object result = _typeInfo.CreateObject!()!;
        foreach (ItemMember member in members)
        {
            if (!item.TryGetValue(member.Property.Name, out AttributeValue? attribute))
            {
                continue;
            }

            object? value;
            if (member.Direct == DirectKind.None)
            {
                value = DeserializeMember(member, attribute);
            }
            else if (member.AcceptsNull && DirectValues.IsNull(attribute))
            {
                value = null;
            }
            else if (!DirectValues.TryRead(member.Direct, attribute, out value))
            {
                value = DeserializeMember(member, attribute);
            }

            member.Property.Set!(result, value);
        }

        return (T)result;
    }

    /// <summary>Writes one member's value as JSON through its type's metadata, then reads it as an attribute.</summary>
    private static AttributeValue SerializeMember(ItemMember member, object? value, AttributeValue target)
    {
        Utf8JsonWriter writer = RentWriter(out ArrayBufferWriter<byte> buffer);
        JsonSerializer.Serialize(writer, value, member.TypeInfo);
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return ReadValue(ref reader, member.Shape, target);
    }

    private static object? DeserializeMember(ItemMember member, AttributeValue attribute)
    {
        Utf8JsonWriter writer = RentWriter(out ArrayBufferWriter<byte> buffer);
        WriteValue(writer, attribute, member.Shape);
        writer.Flush();
        return JsonSerializer.Deserialize(buffer.WrittenSpan, member.TypeInfo);
    }

    private static Utf8JsonWriter RentWriter(out ArrayBufferWriter<byte> buffer)
    {
        buffer = s_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        if (s_writer is null)
        {
            s_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            s_writer.Reset(buffer);
        }

        return s_writer;
    }

    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="shape">The object's shape, if known.</param>
    /// <param name="item">The item itself when reading its top-level object, to take its strings from.</param>
    private static Dictionary<string, AttributeValue> ReadObject(
        ref Utf8JsonReader reader,
        AttributeShape? shape,
        object? item)
    {
        var map = new Dictionary<string, AttributeValue>(shape?.Properties.Length ?? 4, StringComparer.Ordinal);
        PropertyShape[] properties = shape?.Properties ?? [];
        int expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name;
            PropertyShape? property;
            AttributeShape? child;
            if (expected < properties.Length && reader.ValueTextEquals(properties[expected].Utf8Name))
            {
                // The serializer writes properties in metadata order, so the next one is almost always a match.
                property = properties[expected];
                name = property.Name;
                child = property.Shape;
                expected++;
            }
            else
            {
                name = reader.GetString()!;
                property = shape?.Kind == AttributeShapeKind.Dictionary ? null : shape?.Property(name);
                child = shape?.Kind == AttributeShapeKind.Dictionary ? shape.Element : property?.Shape;
            }

            reader.Read();
            if (item is not null
                && reader.TokenType == JsonTokenType.String
                && property?.ReadableString?.Get!(item) is string text)
            {
                // The JSON holds this very string: share it instead of copying it out of the UTF-8 text.
                map[name] = new AttributeValue { S = text };
                continue;
            }

            map[name] = ReadValue(ref reader, child);
        }

        return map;
    }

    private static AttributeValue ReadValue(ref Utf8JsonReader reader, AttributeShape? shape) =>
        ReadValue(ref reader, shape, new AttributeValue());

    /// <summary>Fills <paramref name="target"/>, an empty attribute value, from the JSON value read.</summary>
    private static AttributeValue ReadValue(ref Utf8JsonReader reader, AttributeShape? shape, AttributeValue target)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                switch (shape?.Kind)
                {
                    case AttributeShapeKind.Binary:
                        target.B = new MemoryStream(reader.GetBytesFromBase64());
                        break;
                    case AttributeShapeKind.NumberText:
                        target.N = NumberFromText(reader.GetString()!);
                        break;
                    default:
                        target.S = reader.GetString();
                        break;
                }

                break;
            case JsonTokenType.Number:
                target.N = Encoding.UTF8.GetString(reader.ValueSpan);
                break;
            case JsonTokenType.True:
                target.BOOL = true;
                break;
            case JsonTokenType.False:
                target.BOOL = false;
                break;
            case JsonTokenType.StartObject:
                target.M = ReadObject(ref reader, shape, null);
                break;
            case JsonTokenType.StartArray:
                ReadArray(ref reader, shape, target);
                break;
            default:
                target.NULL = true;
                break;
        }

        return target;
    }

    private static string NumberFromText(string text) => NumberText.IsValid(text)
        ? text
        : throw new ArgumentException(
            $"'{text}' is stored as a number (StoreAsNumber) but is not one. Store digits with an optional sign, "
            + "decimal point and exponent.");

    private static void ReadArray(ref Utf8JsonReader reader, AttributeShape? shape, AttributeValue target)
    {
        AttributeShapeKind kind = shape?.Kind ?? AttributeShapeKind.Collection;
        if (kind is AttributeShapeKind.StringSet or AttributeShapeKind.NumberSet)
        {
            var members = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                members.Add(reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : Encoding.UTF8.GetString(reader.ValueSpan));
            }

            // DynamoDB has no empty sets; an empty list reads back as an empty set.
            if (members.Count == 0)
            {
                target.L = [];
            }
            else if (kind == AttributeShapeKind.StringSet)
            {
                target.SS = members;
            }
            else
            {
                target.NS = members;
            }

            return;
        }

        var list = new List<AttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadValue(ref reader, shape?.Element));
        }

        target.L = list;
    }

    private static void WriteObject(
        Utf8JsonWriter writer,
        Dictionary<string, AttributeValue> map,
        AttributeShape? shape,
        bool isItem)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, AttributeValue> attribute in map)
        {
            if (shape?.Kind == AttributeShapeKind.Dictionary)
            {
                writer.WritePropertyName(attribute.Key);
                WriteValue(writer, attribute.Value, shape.Element);
            }
            else if (shape?.Property(attribute.Key) is { } property)
            {
                if (isItem && property.WritableString && attribute.Value.S is not null)
                {
                    // Assigned directly once the rest of the item is deserialized.
                    continue;
                }

                writer.WritePropertyName(property.EncodedName);
                WriteValue(writer, attribute.Value, property.Shape);
            }
            else
            {
                writer.WritePropertyName(attribute.Key);
                WriteValue(writer, attribute.Value, null);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value, AttributeShape? shape)
    {
        if (value.S is not null)
        {
            writer.WriteStringValue(value.S);
        }
        else if (value.N is not null)
        {
            WriteNumber(writer, value.N, shape?.Kind == AttributeShapeKind.NumberText);
        }
        else if (value.BOOL is bool flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else if (value.M is not null)
        {
            WriteObject(writer, value.M, shape, isItem: false);
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray();
            foreach (AttributeValue element in value.L)
            {
                WriteValue(writer, element, shape?.Element);
            }

            writer.WriteEndArray();
        }
        else if (value.B is not null)
        {
            writer.WriteBase64StringValue(AttributeValues.Span(value.B));
        }
        else if (value.SS is not null)
        {
            writer.WriteStartArray();
            foreach (string member in value.SS)
            {
                writer.WriteStringValue(member);
            }

            writer.WriteEndArray();
        }
        else if (value.NS is not null)
        {
            writer.WriteStartArray();
            foreach (string member in value.NS)
            {
                WriteNumber(writer, member, shape?.Element?.Kind == AttributeShapeKind.NumberText);
            }

            writer.WriteEndArray();
        }
        else if (value.BS is not null)
        {
            writer.WriteStartArray();
            foreach (MemoryStream member in value.BS)
            {
                writer.WriteBase64StringValue(AttributeValues.Span(member));
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string number, bool asText)
    {
        if (asText)
        {
            writer.WriteStringValue(number);
        }
        else
        {
            // Numbers from DynamoDB and from JSON are already valid JSON numbers; validate only odd forms
            // such as "+1" or ".5" that other writers may have stored.
            writer.WriteRawValue(number, skipInputValidation: IsPlainNumber(number));
        }
    }

    private static bool IsPlainNumber(string number)
    {
        if (number.Length == 0 || !char.IsAsciiDigit(number[^1]))
        {
            return false;
        }

        char first = number[0];
        return char.IsAsciiDigit(first) ? first != '0' || number.Length == 1 || number[1] == '.' : first == '-';
    }
}
