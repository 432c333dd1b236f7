using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Converts scalar members to and from attribute values without JSON, producing exactly the text System.Text.Json
/// writes and accepting exactly what it reads. Values it cannot map the same way (a floating-point value that is not
/// finite, a stored value of another type or form) are left to the JSON route, which reports them as before.
/// </summary>
internal static class DirectValues
{
    /// <summary>Longer numbers and dates than this are never valid; the JSON route reports them.</summary>
    private const int MaxTextLength = 126;

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    public static DirectKind KindOf(Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.String => DirectKind.String,
            TypeCode.Boolean => DirectKind.Boolean,
            TypeCode.Byte => DirectKind.Byte,
            TypeCode.SByte => DirectKind.SByte,
            TypeCode.Int16 => DirectKind.Int16,
            TypeCode.UInt16 => DirectKind.UInt16,
            TypeCode.Int32 => DirectKind.Int32,
            TypeCode.UInt32 => DirectKind.UInt32,
            TypeCode.Int64 => DirectKind.Int64,
            TypeCode.UInt64 => DirectKind.UInt64,
            TypeCode.Single => DirectKind.Single,
            TypeCode.Double => DirectKind.Double,
            TypeCode.Decimal => DirectKind.Decimal,
            TypeCode.DateTime => DirectKind.DateTime,
            _ when underlying == typeof(DateTimeOffset) => DirectKind.DateTimeOffset,
            _ when underlying == typeof(Guid) => DirectKind.Guid,
            _ when underlying == typeof(List<string>) => DirectKind.StringList,
            _ => DirectKind.None,
        };
    }

    /// <summary>
    /// Fills <paramref name="target"/> with the attribute value of a non-null member, as System.Text.Json would write
    /// it; returns <see langword="false"/> when only the JSON route can tell.
    /// </summary>
    /// <param name="kind">The member's type.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="target">An empty attribute value.</param>
    /// <param name="reusable">The reused map being filled, which hands out nested attribute values too.</param>
    public static bool TryWrite(
        DirectKind kind,
        object value,
        AttributeValue target,
        ReusableAttributeDictionary? reusable)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case DirectKind.String:
                target.S = (string)value;
                return true;
            case DirectKind.Boolean:
                target.BOOL = (bool)value;
                return true;
            case DirectKind.Single:
                float single = (float)value;
                if (!float.IsFinite(single))
                {
                    return false;
                }

                target.N = single.ToString(invariant);
                return true;
            case DirectKind.Double:
                double number = (double)value;
                if (!double.IsFinite(number))
                {
                    return false;
                }

                target.N = number.ToString(invariant);
                return true;
            case DirectKind.DateTime:
            case DirectKind.DateTimeOffset:
                target.S = DateText(kind, value);
                return true;
            case DirectKind.Guid:
                target.S = ((Guid)value).ToString("D", invariant);
                return true;
            case DirectKind.StringList:
                target.L = StringList((List<string>)value, reusable);
                return true;
            default:
                target.N = kind switch
                {
                    DirectKind.Byte => ((byte)value).ToString(invariant),
                    DirectKind.SByte => ((sbyte)value).ToString(invariant),
                    DirectKind.Int16 => ((short)value).ToString(invariant),
                    DirectKind.UInt16 => ((ushort)value).ToString(invariant),
                    DirectKind.Int32 => ((int)value).ToString(invariant),
                    DirectKind.UInt32 => ((uint)value).ToString(invariant),
                    DirectKind.Int64 => ((long)value).ToString(invariant),
                    DirectKind.UInt64 => ((ulong)value).ToString(invariant),
                    _ => ((decimal)value).ToString(invariant),
                };
                return true;
        }
    }

    /// <summary>
    /// Reads a stored attribute value that is not NULL as System.Text.Json would read its JSON; returns
    /// <see langword="false"/> when the value has another type or a form only the JSON route can judge.
    /// </summary>
    public static bool TryRead(DirectKind kind, AttributeValue value, out object? result)
    {
        result = null;
        switch (kind)
        {
            case DirectKind.String:
                result = value.S;
                return value.S is not null;
            case DirectKind.Boolean:
                if (value.S is not null || value.N is not null || value.BOOL is not bool flag)
                {
                    return false;
                }

                result = flag ? s_true : s_false;
                return true;
            case DirectKind.DateTime:
            case DirectKind.DateTimeOffset:
            case DirectKind.Guid:
                return value.S is not null && TryReadText(kind, value.S, out result);
            case DirectKind.StringList:
                return TryReadStringList(value, out result);
            default:
                return value.S is null && value.N is not null && TryReadNumber(kind, value.N, out result);
        }
    }

    private static List<AttributeValue> StringList(List<string> strings, ReusableAttributeDictionary? reusable)
    {
        var list = new List<AttributeValue>(strings.Count);
        foreach (string? element in strings)
        {
            AttributeValue attribute = reusable?.NextValue() ?? new AttributeValue();
            if (element is null)
            {
                attribute.NULL = true;
            }
            else
            {
                attribute.S = element;
            }

            list.Add(attribute);
        }

        return list;
    }

    /// <summary>Reads a list of strings and NULLs; any other element is the JSON route's to judge.</summary>
    private static bool TryReadStringList(AttributeValue value, out object? result)
    {
        result = null;
        if (value.L is not { } elements
            || value.S is not null
            || value.N is not null
            || value.BOOL is not null
            || value.M is not null)
        {
            return false;
        }

        var strings = new List<string>(elements.Count);
        foreach (AttributeValue element in elements)
        {
            if (element.S is { } text)
            {
                strings.Add(text);
            }
            else if (IsNull(element))
            {
                strings.Add(null!);
            }
            else
            {
                return false;
            }
        }

        result = strings;
        return true;
    }

    /// <summary>Whether the attribute reads as JSON null: it holds none of the attribute types.</summary>
    public static bool IsNull(AttributeValue value) =>
        value.S is null && value.N is null && value.BOOL is null && value.M is null && value.L is null
        && value.B is null && value.SS is null && value.NS is null && value.BS is null;

    /// <summary>
    /// Canonical integer text (an optional minus, no leading zeros, no fraction or exponent, up to 19 digits) is the
    /// form DynamoDB and the serializer write, and the reader accepts it with exactly this value; anything else
    /// goes through the reader.
    /// </summary>
    private static bool TryReadInteger(DirectKind kind, string text, out object? result)
    {
        result = null;
        bool negative = text.Length > 0 && text[0] == '-';
        int start = negative ? 1 : 0;
        int digits = text.Length - start;
        if (digits is < 1 or > 19 || (text[start] == '0' && digits > 1))
        {
            return false;
        }

        ulong magnitude = 0;
        for (int index = start; index < text.Length; index++)
        {
            char character = text[index];
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }

            magnitude = (magnitude * 10) + (uint)(character - '0');
        }

        if (negative)
        {
            // Unsigned members and values beyond long's range are left to the reader to accept or refuse.
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            long signed = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            result = kind switch
            {
                DirectKind.SByte when signed >= sbyte.MinValue => (sbyte)signed,
                DirectKind.Int16 when signed >= short.MinValue => (short)signed,
                DirectKind.Int32 when signed >= int.MinValue => (int)signed,
                DirectKind.Int64 => signed,
                _ => null,
            };
            return result is not null;
        }

        result = kind switch
        {
            DirectKind.Byte when magnitude <= byte.MaxValue => (byte)magnitude,
            DirectKind.SByte when magnitude <= (ulong)sbyte.MaxValue => (sbyte)magnitude,
            DirectKind.Int16 when magnitude <= (ulong)short.MaxValue => (short)magnitude,
            DirectKind.UInt16 when magnitude <= ushort.MaxValue => (ushort)magnitude,
            DirectKind.Int32 when magnitude <= int.MaxValue => (int)magnitude,
            DirectKind.UInt32 when magnitude <= uint.MaxValue => (uint)magnitude,
            DirectKind.Int64 when magnitude <= long.MaxValue => (long)magnitude,
            DirectKind.UInt64 => magnitude,
            _ => null,
        };
        return result is not null;
    }

    /// <summary>
    /// The round-trip ("O") format with trailing fractional zeros trimmed, and the decimal point too when the
    /// fraction is zero: what the JSON writer writes for dates.
    /// </summary>
    private static string DateText(DirectKind kind, object value)
    {
        // "yyyy-MM-ddTHH:mm:ss.fffffff" and then the kind's zone: nothing, "Z" or an offset.
        const int FractionStart = 20;
        const int FractionEnd = 27;
        Span<char> text = stackalloc char[40];
        int length;
        if (kind == DirectKind.DateTime)
        {
            ((DateTime)value).TryFormat(text, out length, "O", CultureInfo.InvariantCulture);
        }
        else
        {
            ((DateTimeOffset)value).TryFormat(text, out length, "O", CultureInfo.InvariantCulture);
        }

        int end = FractionEnd;
        while (end > FractionStart && text[end - 1] == '0')
        {
            end--;
        }

        if (end == FractionStart)
        {
            end--;
        }

        return string.Concat(text[..end], text[FractionEnd..length]);
    }

    private static bool TryReadNumber(DirectKind kind, string text, out object? result)
    {
        if (kind is not (DirectKind.Single or DirectKind.Double or DirectKind.Decimal)
            && TryReadInteger(kind, text, out result))
        {
            return true;
        }

        result = null;
        Span<byte> bytes = stackalloc byte[MaxTextLength + 2];
        if (text.Length > MaxTextLength || Ascii.FromUtf16(text, bytes, out int length) != OperationStatus.Done)
        {
            return false;
        }

        var reader = new Utf8JsonReader(bytes[..length]);
        if (!TryReadToken(ref reader, length, JsonTokenType.Number))
        {
            return false;
        }

        // The reader's own conversions, so that every form and range check is the serializer's.
        bool read;
        switch (kind)
        {
            case DirectKind.Byte:
                read = reader.TryGetByte(out byte unsignedByte);
                result = unsignedByte;
                break;
            case DirectKind.SByte:
                read = reader.TryGetSByte(out sbyte signedByte);
                result = signedByte;
                break;
            case DirectKind.Int16:
                read = reader.TryGetInt16(out short int16);
                result = int16;
                break;
            case DirectKind.UInt16:
                read = reader.TryGetUInt16(out ushort uint16);
                result = uint16;
                break;
            case DirectKind.Int32:
                read = reader.TryGetInt32(out int int32);
                result = int32;
                break;
            case DirectKind.UInt32:
                read = reader.TryGetUInt32(out uint uint32);
                result = uint32;
                break;
            case DirectKind.Int64:
                read = reader.TryGetInt64(out long int64);
                result = int64;
                break;
            case DirectKind.UInt64:
                read = reader.TryGetUInt64(out ulong uint64);
                result = uint64;
                break;
            case DirectKind.Single:
                read = reader.TryGetSingle(out float single);
                result = single;
                break;
            case DirectKind.Double:
                read = reader.TryGetDouble(out double number);
                result = number;
                break;
            case DirectKind.Decimal:
                read = reader.TryGetDecimal(out decimal money);
                result = money;
                break;
            default:
                read = false;
                break;
        }

        if (!read)
        {
            result = null;
        }

        return read;
    }

    private static bool TryReadText(DirectKind kind, string text, out object? result)
    {
        result = null;
        ReadOnlySpan<char> chars = text;

        // Escapes would make the JSON text differ from the stored one; the JSON route handles them.
        if (text.Length > MaxTextLength || chars.ContainsAnyExceptInRange(' ', '~') || chars.ContainsAny('"', '\\'))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxTextLength + 2];
        bytes[0] = (byte)'"';
        Ascii.FromUtf16(chars, bytes[1..], out int length);
        bytes[length + 1] = (byte)'"';
        var reader = new Utf8JsonReader(bytes[..(length + 2)]);
        if (!TryReadToken(ref reader, length + 2, JsonTokenType.String))
        {
            return false;
        }

        bool read;
        switch (kind)
        {
            case DirectKind.DateTime:
                read = reader.TryGetDateTime(out DateTime dateTime);
                result = dateTime;
                break;
            case DirectKind.DateTimeOffset:
                read = reader.TryGetDateTimeOffset(out DateTimeOffset dateTimeOffset);
                result = dateTimeOffset;
                break;
            default:
                read = reader.TryGetGuid(out Guid guid);
                result = guid;
                break;
        }

        if (!read)
        {
            result = null;
        }

        return read;
    }

    private static bool TryReadToken(ref Utf8JsonReader reader, int length, JsonTokenType expected)
    {
        try
        {
            return reader.Read() && reader.TokenType == expected && reader.BytesConsumed == length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
