namespace Multiverse.Sdk.Documents;

/// <summary>
/// The key of one item: its partition key and, for tables with a sort key, its sort key.
/// </summary>
/// <param name="PartitionKey">The partition key value.</param>
/// <param name="SortKey">The sort key value; leave it out for tables without a sort key.</param>
public readonly record struct DocumentKey(DocumentValue PartitionKey, DocumentValue SortKey = default);
