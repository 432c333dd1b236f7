namespace Multiverse.Sdk.Documents;

/// <summary>
/// A small, bounded, thread-safe pool of reusable attribute-value maps for one item type. A map beyond the bound is
/// left to the garbage collector; an empty pool hands out a new map.
/// </summary>
internal sealed class AttributeMapPool
{
    private readonly ReusableAttributeDictionary?[] _maps;
    private readonly int _capacity;

    public AttributeMapPool(int size, int capacity)
    {
        _maps = new ReusableAttributeDictionary?[size];
        _capacity = capacity;
    }

    public ReusableAttributeDictionary Rent()
    {
        ReusableAttributeDictionary?[] maps = _maps;
        for (int index = 0; index < maps.Length; index++)
        {
            ReusableAttributeDictionary? map = maps[index];
            if (map is not null && Interlocked.CompareExchange(ref maps[index], null, map) == map)
            {
                map.IsRented = true;
                return map;
            }
        }

        return new ReusableAttributeDictionary(_capacity) { IsRented = true };
    }

    public void Return(ReusableAttributeDictionary map)
    {
        if (!map.IsRented)
        {
            return;
        }

        map.IsRented = false;
        map.Reset();
        ReusableAttributeDictionary?[] maps = _maps;
        for (int index = 0; index < maps.Length; index++)
        {
            if (Interlocked.CompareExchange(ref maps[index], map, null) is null)
            {
                return;
            }
        }
    }
}
