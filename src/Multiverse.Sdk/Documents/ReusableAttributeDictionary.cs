using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// An item's attribute-value map that the store reuses for later writes once the request that carried it has
/// completed, together with its top-level attribute values, so that writing an item allocates little more than its
/// number texts. Every attribute value in the map, nested ones included, was made by the mapper or the store for
/// this map alone, so clearing and reusing them cannot touch anyone else's.
/// </summary>
internal sealed class ReusableAttributeDictionary : Dictionary<string, AttributeValue>
{
    private readonly Stack<AttributeValue> _spare;
    private readonly int _maxSpare;

    public ReusableAttributeDictionary(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
        _spare = new Stack<AttributeValue>(capacity);
        _maxSpare = capacity * 2;
    }

    /// <summary>Gets or sets whether the map is out of its pool, so that returning it twice is harmless.</summary>
    public bool IsRented { get; set; }

    /// <summary>Returns an empty attribute value: one the map held before, or a new one.</summary>
    public AttributeValue NextValue() => _spare.TryPop(out AttributeValue? value) ? value : new AttributeValue();

    /// <summary>Empties the map and every attribute value it held, keeping the values for the next item.</summary>
    public void Reset()
    {
        foreach (AttributeValue value in Values)
        {
            Recycle(value);
        }

        Clear();
    }

    private void Recycle(AttributeValue value)
    {
        if (value.L is { } elements)
        {
            foreach (AttributeValue element in elements)
            {
                Recycle(element);
            }
        }

        if (value.M is { } members)
        {
            foreach (AttributeValue member in members.Values)
            {
                Recycle(member);
            }
        }

        Clear(value);
        if (_spare.Count < _maxSpare)
        {
            _spare.Push(value);
        }
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
