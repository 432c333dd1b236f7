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
internal static class ScalarValues
{
    /// <summary>Longer numbers and dates than this are never valid; the JSON route reports them.</summary>
    private const int MaxTextLength = 126;

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    public static ScalarKind KindOf(Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.String => ScalarKind.String,
            TypeCode.Boolean => ScalarKind.Boolean,
            TypeCode.Byte => ScalarKind.Byte,
            TypeCode.SByte => ScalarKind.SByte,
            TypeCode.Int16 => ScalarKind.Int16,
            TypeCode.UInt16 => ScalarKind.UInt16,
            TypeCode.Int32 => ScalarKind.Int32,
            TypeCode.UInt32 => ScalarKind.UInt32,
            TypeCode.Int64 => ScalarKind.Int64,
            TypeCode.UInt64 => ScalarKind.UInt64,
            TypeCode.Single => ScalarKind.Single,
            TypeCode.Double => ScalarKind.Double,
            TypeCode.Decimal => ScalarKind.Decimal,
            TypeCode.DateTime => ScalarKind.DateTime,
            _ when underlying == typeof(DateTimeOffset) => ScalarKind.DateTimeOffset,
            _ when underlying == typeof(Guid) => ScalarKind.Guid,
            _ => ScalarKind.None,
        };
    }

    /// <summary>
    /// Fills <paramref name="target"/> with the attribute value of a non-null scalar, as System.Text.Json would write
    /// it; returns <see langword="false"/> when only the JSON route can tell.
    /// </summary>
    public static bool TryWrite(ScalarKind kind, object value, AttributeValue target)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case ScalarKind.String:
                target.S = (string)value;
                return true;
            case ScalarKind.Boolean:
                target.BOOL = (bool)value;
                return true;
            case ScalarKind.Single:
                float single = (float)value;
                if (!float.IsFinite(single))
                {
                    return false;
                }

                target.N = single.ToString(invariant);
                return true;
            case ScalarKind.Double:
                double number = (double)value;
                if (!double.IsFinite(number))
                {
                    return false;
                }

                target.N = number.ToString(invariant);
                return true;
            case ScalarKind.DateTime:
            case ScalarKind.DateTimeOffset:
                target.S = DateText(kind, value);
                return true;
            case ScalarKind.Guid:
                target.S = ((Guid)value).ToString("D", invariant);
                return true;
            default:
                target.N = kind switch
                {
                    ScalarKind.Byte => ((byte)value).ToString(invariant),
                    ScalarKind.SByte => ((sbyte)value).ToString(invariant),
                    ScalarKind.Int16 => ((short)value).ToString(invariant),
                    ScalarKind.UInt16 => ((ushort)value).ToString(invariant),
                    ScalarKind.Int32 => ((int)value).ToString(invariant),
                    ScalarKind.UInt32 => ((uint)value).ToString(invariant),
                    ScalarKind.Int64 => ((long)value).ToString(invariant),
                    ScalarKind.UInt64 => ((ulong)value).ToString(invariant),
                    _ => ((decimal)value).ToString(invariant),
                };
                return true;
        }
    }

    /// <summary>
    /// Reads a stored attribute value that is not NULL as System.Text.Json would read its JSON; returns
    /// <see langword="false"/> when the value has another type or a form only the JSON route can judge.
    /// </summary>
    public static bool TryRead(ScalarKind kind, AttributeValue value, out object? result)
    {
        result = null;
        switch (kind)
        {
            case ScalarKind.String:
                result = value.S;
                return value.S is not null;
            case ScalarKind.Boolean:
                if (value.BOOL is not bool flag)
                {
                    return false;
                }

                result = flag ? s_true : s_false;
                return true;
            case ScalarKind.DateTime:
            case ScalarKind.DateTimeOffset:
            case ScalarKind.Guid:
                return value.S is not null && TryReadText(kind, value.S, out result);
            default:
                return value.N is not null && TryReadNumber(kind, value.N, out result);
        }
    }

    /// <summary>
    /// Dates go through the JSON writer itself: it writes the round-trip format with trailing fractional zeros
    /// trimmed, and matching that by hand would be one more thing to keep in step.
    /// </summary>
    private static string DateText(ScalarKind kind, object value)
    {
        ArrayBufferWriter<byte> buffer = s_buffer ??= new ArrayBufferWriter<byte>(64);
        buffer.ResetWrittenCount();
        if (s_writer is null)
        {
            s_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            s_writer.Reset(buffer);
        }

        if (kind == ScalarKind.DateTime)
        {
            s_writer.WriteStringValue((DateTime)value);
        }
        else
        {
            s_writer.WriteStringValue((DateTimeOffset)value);
        }

        s_writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan[1..^1]);
    }

    private static bool TryReadNumber(ScalarKind kind, string text, out object? result)
    {
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
            case ScalarKind.Byte:
                read = reader.TryGetByte(out byte unsignedByte);
                result = unsignedByte;
                break;
            case ScalarKind.SByte:
                read = reader.TryGetSByte(out sbyte signedByte);
                result = signedByte;
                break;
            case ScalarKind.Int16:
                read = reader.TryGetInt16(out short int16);
                result = int16;
                break;
            case ScalarKind.UInt16:
                read = reader.TryGetUInt16(out ushort uint16);
                result = uint16;
                break;
            case ScalarKind.Int32:
                read = reader.TryGetInt32(out int int32);
                result = int32;
                break;
            case ScalarKind.UInt32:
                read = reader.TryGetUInt32(out uint uint32);
                result = uint32;
                break;
            case ScalarKind.Int64:
                read = reader.TryGetInt64(out long int64);
                result = int64;
                break;
            case ScalarKind.UInt64:
                read = reader.TryGetUInt64(out ulong uint64);
                result = uint64;
                break;
            case ScalarKind.Single:
                read = reader.TryGetSingle(out float single);
                result = single;
                break;
            case ScalarKind.Double:
                read = reader.TryGetDouble(out double number);
                result = number;
                break;
            case ScalarKind.Decimal:
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

    private static bool TryReadText(ScalarKind kind, string text, out object? result)
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
            case ScalarKind.DateTime:
                read = reader.TryGetDateTime(out DateTime dateTime);
                result = dateTime;
                break;
            case ScalarKind.DateTimeOffset:
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
