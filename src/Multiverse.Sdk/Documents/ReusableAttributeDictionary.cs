using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// An item's attribute-value map that the store reuses for later writes once the request that carried it has
/// completed, together with its top-level attribute values, so that writing an item allocates little more than its
/// number texts. The attribute values it hands out (top-level ones and the elements of string lists) belong to
/// this map alone, so clearing and reusing them cannot touch anyone else's.
/// </summary>
internal sealed class ReusableAttributeDictionary : Dictionary<string, AttributeValue>
{
    /// <summary>Beyond this many (long string lists), values are not kept, so a pooled map stays small.</summary>
    private const int MaxKeptValues = 128;

    /// <summary>Every attribute value this map has handed out, in the order it hands them out for each item.</summary>
    private readonly List<AttributeValue> _values;
    private int _handedOut;

    public ReusableAttributeDictionary(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
        _values = new List<AttributeValue>(capacity);
    }

    /// <summary>Gets or sets whether the map is out of its pool, so that returning it twice is harmless.</summary>
    public bool IsRented { get; set; }

    /// <summary>Returns an empty attribute value: one the map held before, or a new one.</summary>
    public AttributeValue NextValue()
    {
        if (_handedOut < _values.Count)
        {
            return _values[_handedOut++];
        }

        var value = new AttributeValue();
        if (_values.Count < MaxKeptValues)
        {
            _values.Add(value);
            _handedOut++;
        }

        return value;
    }

    /// <summary>
    /// Empties the map and every attribute value it handed out, keeping them for the next item. Values the store put
    /// in the map itself (the next version) are left to the garbage collector with the map's entries.
    /// </summary>
    public void Reset()
    {
        for (int index = 0; index < _handedOut; index++)
        {
            Clear(_values[index]);
        }

        _handedOut = 0;
        Clear();
    }

    private static void Clear(AttributeValue value)
    {
        value.S = null;
        value.N = null;
        value.B = null;
        value.BOOL = null;
        value.NULL = null;
        value.L = null;
        value.M = null;
        value.SS = null;
        value.NS = null;
        value.BS = null;
    }
}
