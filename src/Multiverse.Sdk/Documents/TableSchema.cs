namespace Multiverse.Sdk.Documents;

/// <summary>A key attribute: its name in the item and its DynamoDB type (string, number or binary).</summary>
internal sealed record KeyAttribute(string Name, DocumentValueKind Kind)
{
    public string TypeCode => Kind switch
    {
        DocumentValueKind.Number => "N",
        DocumentValueKind.Binary => "B",
        _ => "S",
    };
}

/// <summary>A declared secondary index. A local index shares the table's partition key.</summary>
internal sealed record IndexSchema(string Name, bool IsGlobal, KeyAttribute PartitionKey, KeyAttribute? SortKey);

/// <summary>
/// What a table declaration says about its items, after resolving member names to attribute names.
/// </summary>
internal sealed class TableSchema
{
    public TableSchema(
        string declaredName,
        KeyAttribute partitionKey,
        KeyAttribute? sortKey,
        string? versionAttribute,
        string? timeToLiveAttribute,
        IReadOnlyList<IndexSchema> indexes)
    {
        DeclaredName = declaredName;
        TableName = declaredName;
        PartitionKey = partitionKey;
        SortKey = sortKey;
        VersionAttribute = versionAttribute;
        TimeToLiveAttribute = timeToLiveAttribute;
        Indexes = indexes;
    }

    /// <summary>The name given to <c>AddTable</c>, which keys <c>Multiverse:Documents:Tables</c>.</summary>
    public string DeclaredName { get; }

    /// <summary>The physical table name, from configuration.</summary>
    public string TableName { get; private init; }

    public KeyAttribute PartitionKey { get; }

    public KeyAttribute? SortKey { get; }

    public string? VersionAttribute { get; }

    public string? TimeToLiveAttribute { get; }

    public IReadOnlyList<IndexSchema> Indexes { get; }

    public TableSchema WithTableName(string tableName) => new(
        DeclaredName, PartitionKey, SortKey, VersionAttribute, TimeToLiveAttribute, Indexes)
    {
        TableName = tableName,
    };

    public IndexSchema? FindIndex(string name)
    {
        foreach (IndexSchema index in Indexes)
        {
            if (string.Equals(index.Name, name, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return null;
    }
}
