namespace Multiverse.Sdk.Documents;

/// <summary>
/// Up to 100 writes and condition checks, on one or more tables, applied all together or not at all. Create one
/// with <see cref="DocumentStore.CreateTransaction"/>, add operations, then call <see cref="CommitAsync"/>.
/// </summary>
public sealed class DocumentTransaction
{
    /// <summary>The most operations DynamoDB accepts in one transaction.</summary>
    public const int MaxOperations = 100;

    private readonly IDocumentBackend _backend;
    private readonly List<TransactionOperation> _operations = [];
    private readonly List<string> _descriptions = [];
    private readonly HashSet<string> _items = new(StringComparer.Ordinal);

    internal DocumentTransaction(IDocumentBackend backend)
    {
        _backend = backend;
    }

    /// <summary>Gets the number of operations added so far.</summary>
    public int Count => _operations.Count;

    /// <summary>Adds a put.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="item">The item.</param>
    /// <param name="condition">When the put may replace a stored item.</param>
    /// <returns>This transaction.</returns>
    public DocumentTransaction Put<T>(DocumentTable<T> table, T item, PutCondition condition = PutCondition.None)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Add(table, table.PreparePut(item, condition, null), "put");
    }

    /// <summary>Adds a put that requires <paramref name="condition"/> to hold for the stored item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="item">The item.</param>
    /// <param name="condition">The condition on the stored item.</param>
    /// <returns>This transaction.</returns>
    public DocumentTransaction PutWhen<T>(DocumentTable<T> table, T item, DocumentCondition condition)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(condition);
        return Add(table, table.PreparePut(item, PutCondition.None, condition), "put");
    }

    /// <summary>Adds a delete by key, optionally conditional.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="key">The item's key.</param>
    /// <param name="condition">A condition on the stored item, or <see langword="null"/>.</param>
    /// <returns>This transaction.</returns>
    public DocumentTransaction Delete<T>(DocumentTable<T> table, DocumentKey key, DocumentCondition? condition = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Add(table, table.PrepareKeyed(TransactionOperationKind.Delete, key, condition), "delete");
    }

    /// <summary>Adds a delete of the stored item with the key (and version) of <paramref name="item"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="item">The item whose key (and version) to use.</param>
    /// <param name="condition">When the delete may happen.</param>
    /// <returns>This transaction.</returns>
    public DocumentTransaction DeleteItem<T>(DocumentTable<T> table, T item, DeleteCondition condition)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Add(table, table.PrepareDelete(item, condition), "delete");
    }

    /// <summary>Adds a check that an item, which the transaction does not write, satisfies a condition.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">The table.</param>
    /// <param name="key">The item's key.</param>
    /// <param name="condition">The condition the stored item must satisfy.</param>
    /// <returns>This transaction.</returns>
    public DocumentTransaction ConditionCheck<T>(DocumentTable<T> table, DocumentKey key, DocumentCondition condition)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(condition);
        return Add(
            table,
            table.PrepareKeyed(TransactionOperationKind.ConditionCheck, key, condition),
            "condition check");
    }

    /// <summary>Applies every operation, or none when any condition fails.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the transaction is applied.</returns>
    /// <exception cref="DocumentTransactionException">A condition failed; nothing was written.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_operations.Count == 0)
        {
            return;
        }

        IReadOnlyList<int> failed = await _backend.TransactWriteAsync(_operations, cancellationToken)
            .ConfigureAwait(false);
        if (failed.Count > 0)
        {
            string operations = string.Join("; ", failed.Select(index => $"#{index}: {_descriptions[index]}"));
            throw new DocumentTransactionException(
                $"The transaction was cancelled and nothing was written: the condition of operation {operations} "
                + "did not hold.")
            {
                FailedOperations = failed,
            };
        }
    }

    private DocumentTransaction Add<T>(DocumentTable<T> table, TransactionOperation operation, string kind)
    {
        if (_operations.Count >= MaxOperations)
        {
            throw new InvalidOperationException(
                $"A transaction holds at most {MaxOperations} operations. Split the work into several transactions.");
        }

        string identity = table.TableName + "|" + table.Identity(operation.Item);
        if (!_items.Add(identity))
        {
            throw new ArgumentException(
                $"{table.Describe(operation.Item)} already has an operation in this transaction; DynamoDB allows one "
                + "operation per item in a transaction.");
        }

        _operations.Add(operation);
        _descriptions.Add($"{kind} of {table.Describe(operation.Item)}");
        return this;
    }
}
