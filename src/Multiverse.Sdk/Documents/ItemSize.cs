using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Measures an item the way DynamoDB documents it for the 400 KB item limit, so both providers refuse the same
/// items before anything is written.
/// </summary>
internal static class ItemSize
{
    public const int Limit = 400 * 1024;

    public static int Of(Dictionary<string, AttributeValue> item)
    {
        int size = 0;
        foreach (KeyValuePair<string, AttributeValue> attribute in item)
        {
            size += System.Text.Encoding.UTF8.GetByteCount(attribute.Key) + Value(attribute.Value);
        }

        return size;
    }

    private static int Value(AttributeValue value)
    {
        if (value.S is not null)
        {
            return System.Text.Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return Number(value.N);
        }

        if (value.B is not null)
        {
            return (int)value.B.Length;
        }

        if (value.M is not null)
        {
            int size = 3;
            foreach (KeyValuePair<string, AttributeValue> attribute in value.M)
            {
                size += 1 + System.Text.Encoding.UTF8.GetByteCount(attribute.Key) + Value(attribute.Value);
            }

            return size;
        }

        if (value.L is not null)
        {
            int size = 3;
            foreach (AttributeValue element in value.L)
            {
                size += 1 + Value(element);
            }

            return size;
        }

        if (value.SS is not null)
        {
            return value.SS.Sum(System.Text.Encoding.UTF8.GetByteCount);
        }

        if (value.NS is not null)
        {
            return value.NS.Sum(Number);
        }

        if (value.BS is not null)
        {
            return value.BS.Sum(stream => (int)stream.Length);
        }

        return 1;
    }

    // One byte per two significant digits, plus one.
    private static int Number(string text)
    {
        int digits = text.Count(char.IsAsciiDigit);
        return ((digits + 1) / 2) + 1;
    }
}
