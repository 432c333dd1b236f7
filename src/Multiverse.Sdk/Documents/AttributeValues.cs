using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Helpers over the AWS SDK's attribute values: type tests, DynamoDB's comparison rules, and key encodings.
/// </summary>
internal static class AttributeValues
{
    public static DocumentValueKind ScalarKind(AttributeValue value)
    {
        if (value.S is not null)
        {
            return DocumentValueKind.Text;
        }

        if (value.N is not null)
        {
            return DocumentValueKind.Number;
        }

        if (value.B is not null)
        {
            return DocumentValueKind.Binary;
        }

        return value.BOOL is not null ? DocumentValueKind.Boolean : DocumentValueKind.None;
    }

    public static byte[] Bytes(MemoryStream stream) =>
        stream.TryGetBuffer(out ArraySegment<byte> buffer) ? buffer.AsSpan().ToArray() : stream.ToArray();

    public static ReadOnlySpan<byte> Span(MemoryStream stream) =>
        stream.TryGetBuffer(out ArraySegment<byte> buffer) ? buffer.AsSpan() : stream.ToArray();

    /// <summary>
    /// The bytes whose ordinal order is DynamoDB's order for a key of this type: UTF-8 for strings, the raw bytes
    /// for binary, and an order-preserving encoding for numbers.
    /// </summary>
    public static byte[] SortableBytes(AttributeValue value) => ScalarKind(value) switch
    {
        DocumentValueKind.Text => System.Text.Encoding.UTF8.GetBytes(value.S),
        DocumentValueKind.Number => NumberText.ToSortableKey(value.N),
        DocumentValueKind.Binary => Bytes(value.B),
        _ => throw new InvalidOperationException("Only strings, numbers and binary values can be key values."),
    };

    /// <summary>Compares two scalars the way DynamoDB does; <see langword="null"/> when the types differ.</summary>
    public static int? Compare(AttributeValue left, AttributeValue right)
    {
        DocumentValueKind kind = ScalarKind(left);
        if (kind != ScalarKind(right) || kind is DocumentValueKind.None)
        {
            return null;
        }

        if (kind is DocumentValueKind.Boolean)
        {
            return left.BOOL == right.BOOL ? 0 : null;
        }

        return SortableBytes(left).AsSpan().SequenceCompareTo(SortableBytes(right));
    }

    public static bool StartsWith(AttributeValue value, AttributeValue prefix)
    {
        DocumentValueKind kind = ScalarKind(value);
        if (kind != ScalarKind(prefix) || kind is not (DocumentValueKind.Text or DocumentValueKind.Binary))
        {
            return false;
        }

        return SortableBytes(value).AsSpan().StartsWith(SortableBytes(prefix));
    }
}
