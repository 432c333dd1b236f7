using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// The storage operations a provider implements, on attribute-value maps. Everything typed (mapping, versions,
/// TTL filtering, size limits, retries, error classification) lives above it, so both providers behave the same.
/// </summary>
internal interface IDocumentBackend : IAsyncDisposable
{
    Task<bool> CreateTableAsync(TableSchema table, CancellationToken cancellationToken);

    Task<Dictionary<string, AttributeValue>?> GetAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        bool consistentRead,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes the item if the condition holds; otherwise leaves the stored item (or none) unchanged and returns it.
    /// </summary>
    Task<WriteOutcome> PutAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> item,
        DocumentCondition? condition,
        CancellationToken cancellationToken);

    /// <summary>Deletes the item if the condition holds; the outcome carries the item that was stored.</summary>
    Task<WriteOutcome> DeleteAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        DocumentCondition? condition,
        CancellationToken cancellationToken);

    Task<QueryResult> QueryAsync(QuerySpecification query, CancellationToken cancellationToken);

    /// <summary>Reads up to 100 keys; returns the items found and the keys left unprocessed.</summary>
    Task<(List<Dictionary<string, AttributeValue>> Items, List<Dictionary<string, AttributeValue>> Unprocessed)>
        BatchGetAsync(
            TableSchema table,
            IReadOnlyList<Dictionary<string, AttributeValue>> keys,
            bool consistentRead,
            CancellationToken cancellationToken);

    /// <summary>Applies up to 25 puts and deletes; returns the writes left unprocessed.</summary>
    Task<List<BatchWrite>> BatchWriteAsync(
        TableSchema table,
        IReadOnlyList<BatchWrite> writes,
        CancellationToken cancellationToken);

    /// <summary>
    /// Applies all operations or none; returns the positions of the operations whose condition failed.
    /// </summary>
    Task<IReadOnlyList<int>> TransactWriteAsync(
        IReadOnlyList<TransactionOperation> operations,
        CancellationToken cancellationToken);
}

/// <summary>The result of a conditional write: whether it was applied, and the item stored before it.</summary>
internal readonly record struct WriteOutcome(bool Applied, Dictionary<string, AttributeValue>? Previous);

/// <summary>A put (Item set) or a delete (Key set) inside a batch.</summary>
internal sealed record BatchWrite(Dictionary<string, AttributeValue>? Item, Dictionary<string, AttributeValue>? Key);

internal enum TransactionOperationKind
{
    Put,
    Delete,
    ConditionCheck,
}

/// <summary>One operation of a transaction: Item holds the item for a put and the key otherwise.</summary>
internal sealed record TransactionOperation(
    TableSchema Table,
    TransactionOperationKind Kind,
    Dictionary<string, AttributeValue> Item,
    DocumentCondition? Condition);

internal sealed record QuerySpecification(
    TableSchema Table,
    IndexSchema? Index,
    AttributeValue PartitionKey,
    SortKeyCondition? SortKey,
    bool Descending,
    int Limit,
    Dictionary<string, AttributeValue>? ExclusiveStartKey,
    bool ConsistentRead);

internal sealed record QueryResult(
    List<Dictionary<string, AttributeValue>> Items,
    Dictionary<string, AttributeValue>? LastEvaluatedKey);
