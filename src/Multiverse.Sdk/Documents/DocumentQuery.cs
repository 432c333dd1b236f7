namespace Multiverse.Sdk.Documents;

/// <summary>
/// A query of the items that share one partition key, on the table or on one of its declared indexes.
/// </summary>
public sealed class DocumentQuery
{
    /// <summary>
    /// Gets the partition key value to query (the index's partition key when <see cref="IndexName"/> is set).
    /// </summary>
    public required DocumentValue PartitionKey { get; init; }

    /// <summary>Gets the condition on the sort key.</summary>
    /// <value>Defaults to <see langword="null"/>: every item of the partition.</value>
    public SortKeyCondition? SortKey { get; init; }

    /// <summary>Gets the declared secondary index to query.</summary>
    /// <value>Defaults to <see langword="null"/>: the table itself.</value>
    public string? IndexName { get; init; }

    /// <summary>Gets whether items come in descending sort key order.</summary>
    /// <value>Defaults to <see langword="false"/>: ascending.</value>
    public bool Descending { get; init; }

    /// <summary>
    /// Gets the most items read for one page. Expired items are dropped after reading, so a page can hold fewer.
    /// </summary>
    /// <value>Defaults to 100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets the token of a previous page, to continue after it.</summary>
    /// <value>Defaults to <see langword="null"/>: the first page.</value>
    public string? ContinuationToken { get; init; }

    /// <summary>Gets whether the read is strongly consistent (not available on global secondary indexes).</summary>
    /// <value>Defaults to <see langword="false"/>: eventually consistent.</value>
    public bool ConsistentRead { get; init; }
}
