using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Collects the placeholder names and values of one DynamoDB expression, so attribute names never clash with
/// reserved words and values are never spliced into the text.
/// </summary>
internal sealed class ExpressionBuilder
{
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttributeValue> Values { get; } = new(StringComparer.Ordinal);

    public string Name(string attributeName)
    {
        foreach (KeyValuePair<string, string> pair in Names)
        {
            if (pair.Value == attributeName)
            {
                return pair.Key;
            }
        }

        string placeholder = "#n" + Names.Count.ToString(CultureInfo.InvariantCulture);
        Names[placeholder] = attributeName;
        return placeholder;
    }

    public string Value(AttributeValue value)
    {
        string placeholder = ":v" + Values.Count.ToString(CultureInfo.InvariantCulture);
        Values[placeholder] = value;
        return placeholder;
    }
}
