using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// A typed table: reads, conditional writes, updates with optimistic concurrency, queries, batches and TTL for
/// items of type <typeparamref name="T"/>. Registered as a singleton by <c>AddTable</c>; safe to use from many
/// threads. Both providers behave the same.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DocumentTable<T>
{
    private const int BatchGetLimit = 100;
    private const int BatchWriteLimit = 25;
    private const long IgnoredTimeToLiveAge = 5L * 365 * 24 * 60 * 60;

    private readonly TableSchema _schema;
    private readonly DocumentMapper<T> _mapper;
    private readonly IDocumentBackend _backend;
    private readonly DocumentsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal DocumentTable(
        TableSchema schema,
        DocumentMapper<T> mapper,
        IDocumentBackend backend,
        DocumentsOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _schema = schema;
        _mapper = mapper;
        _backend = backend;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the physical table name, from <c>Multiverse:Documents:Tables</c>.</summary>
    public string TableName => _schema.TableName;

    /// <summary>
    /// Creates the table, its secondary indexes and TTL setting when it does not exist; for development and tests
    /// (production tables come from Terraform).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the table was created, <see langword="false"/> when it existed.</returns>
    public Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _backend.CreateTableAsync(_schema, cancellationToken);

    /// <summary>Reads one item.</summary>
    /// <param name="partitionKey">The partition key value.</param>
    /// <param name="sortKey">The sort key value; leave it out for tables without a sort key.</param>
    /// <param name="consistentRead">Whether the read must reflect every write acknowledged before it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item, or <see langword="null"/> when it is not stored or has expired.</returns>
    public async Task<T?> GetAsync(
        DocumentValue partitionKey,
        DocumentValue sortKey = default,
        bool consistentRead = false,
        CancellationToken cancellationToken = default)
    {
        Dictionary<string, AttributeValue> key = Key(partitionKey, sortKey);
        Dictionary<string, AttributeValue>? item = await _backend
            .GetAsync(_schema, key, consistentRead, cancellationToken)
            .ConfigureAwait(false);
        return item is null || IsExpired(item) ? default : _mapper.FromAttributeMap(item);
    }

    /// <summary>
    /// Writes an item. With a declared version attribute, the stored version is the item's version plus one, and
    /// the returned item carries it.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="condition">When the write may replace a stored item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item as stored.</returns>
    /// <exception cref="DocumentAlreadyExistsException">A create-only write found a stored item.</exception>
    /// <exception cref="DocumentConflictException">The stored version differs from the item's.</exception>
    /// <exception cref="DocumentNotFoundException">A versioned write found no stored item.</exception>
    public async Task<T> PutAsync(
        T item,
        PutCondition condition = PutCondition.None,
        CancellationToken cancellationToken = default)
    {
        Dictionary<string, AttributeValue> map = PrepareItem(item, reuse: true, out long version);
        try
        {
            DocumentCondition? expression = PutExpression(condition, version);
            WriteOutcome outcome = await _backend.PutAsync(_schema, map, expression, cancellationToken)
                .ConfigureAwait(false);
            if (!outcome.Applied)
            {
                throw PutFailure(condition, version, outcome.Previous, map);
            }

            return Stored(item, map);
        }
        finally
        {
            _mapper.ReturnAttributeMap(map);
        }
    }

    /// <summary>Writes an item only if <paramref name="condition"/> holds for the stored item.</summary>
    /// <param name="item">The item.</param>
    /// <param name="condition">The condition on the stored item (or on no item).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item as stored.</returns>
    /// <exception cref="DocumentConditionFailedException">The condition did not hold.</exception>
    public async Task<T> PutWhenAsync(
        T item,
        DocumentCondition condition,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Dictionary<string, AttributeValue> map = PrepareItem(item, reuse: true, out _);
        try
        {
            WriteOutcome outcome = await _backend.PutAsync(_schema, map, condition, cancellationToken)
                .ConfigureAwait(false);
            if (!outcome.Applied)
            {
                throw new DocumentConditionFailedException(
                    $"The condition of the write to {Describe(map)} did not hold, so nothing was written.");
            }

            return Stored(item, map);
        }
        finally
        {
            _mapper.ReturnAttributeMap(map);
        }
    }

    /// <summary>
    /// Reads an item, applies <paramref name="mutation"/> and writes the result only if nobody changed the item
    /// meanwhile; on a version conflict it reads again and retries, up to
    /// <see cref="DocumentsOptions.MaxUpdateAttempts"/> attempts. Requires a declared version attribute.
    /// </summary>
    /// <param name="partitionKey">The partition key value.</param>
    /// <param name="sortKey">The sort key value; <c>default</c> for tables without a sort key.</param>
    /// <param name="mutation">Returns the changed item; it may run more than once and must not change the key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item as stored.</returns>
    /// <exception cref="DocumentNotFoundException">The item is not stored or has expired.</exception>
    /// <exception cref="DocumentConflictException">Every attempt met a concurrent change.</exception>
    public async Task<T> UpdateAsync(
        DocumentValue partitionKey,
        DocumentValue sortKey,
        Func<T, T> mutation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        string versionAttribute = RequireVersion(nameof(UpdateAsync));
        Dictionary<string, AttributeValue> key = Key(partitionKey, sortKey);
        int maxAttempts = Math.Max(1, _options.MaxUpdateAttempts);
        for (int attempt = 1; ; attempt++)
        {
            Dictionary<string, AttributeValue>? current = await _backend
                .GetAsync(_schema, key, consistentRead: true, cancellationToken)
                .ConfigureAwait(false);
            if (current is null || IsExpired(current))
            {
                throw new DocumentNotFoundException($"{Describe(key)} is not stored, so it cannot be updated.");
            }

            long version = ReadVersion(current);
            T changed = mutation(_mapper.FromAttributeMap(current));
            Dictionary<string, AttributeValue> map = PrepareItem(changed, reuse: true, out _);
            WriteOutcome outcome;
            try
            {
                if (!SameKey(map, key))
                {
                    throw new InvalidOperationException(
                        $"The update of {Describe(key)} changed the item's key. Delete the item and put a new one "
                        + "instead.");
                }

                map[versionAttribute] = new AttributeValue
                {
                    N = (version + 1).ToString(CultureInfo.InvariantCulture),
                };
                outcome = await _backend
                    .PutAsync(_schema, map, DocumentCondition.EqualTo(versionAttribute, version), cancellationToken)
                    .ConfigureAwait(false);
                if (outcome.Applied)
                {
                    return _mapper.FromAttributeMap(map);
                }
            }
            finally
            {
                _mapper.ReturnAttributeMap(map);
            }

            if (outcome.Previous is null)
            {
                throw new DocumentNotFoundException($"{Describe(key)} was deleted while it was being updated.");
            }

            if (attempt >= maxAttempts)
            {
                throw new DocumentConflictException(
                    $"{Describe(key)} kept changing under {maxAttempts} update attempts. Retry later, or raise "
                    + "Multiverse:Documents:MaxUpdateAttempts.")
                {
                    CurrentVersion = ReadVersion(outcome.Previous),
                };
            }

            DocumentsLog.UpdateConflict(_logger, _schema.TableName, attempt, maxAttempts);

            // Random spread so that writers who collided do not collide again on their next attempt.
            int ceiling = Math.Min(100, 2 << Math.Min(attempt, 6));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling)), _time, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Deletes an item, whether or not it is stored.</summary>
    /// <param name="partitionKey">The partition key value.</param>
    /// <param name="sortKey">The sort key value; leave it out for tables without a sort key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when a live (unexpired) item was deleted.</returns>
    public async Task<bool> DeleteAsync(
        DocumentValue partitionKey,
        DocumentValue sortKey = default,
        CancellationToken cancellationToken = default)
    {
        WriteOutcome outcome = await _backend
            .DeleteAsync(_schema, Key(partitionKey, sortKey), null, cancellationToken)
            .ConfigureAwait(false);
        return outcome.Previous is not null && !IsExpired(outcome.Previous);
    }

    /// <summary>Deletes the stored item with the key of <paramref name="item"/>, if the condition holds.</summary>
    /// <param name="item">The item whose key (and version) to use.</param>
    /// <param name="condition">When the delete may happen.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the item is deleted.</returns>
    /// <exception cref="DocumentNotFoundException">The item is not stored or has expired.</exception>
    /// <exception cref="DocumentConflictException">The stored version differs from the item's.</exception>
    public async Task DeleteItemAsync(
        T item,
        DeleteCondition condition,
        CancellationToken cancellationToken = default)
    {
        Dictionary<string, AttributeValue> map = _mapper.ToAttributeMap(item);
        Dictionary<string, AttributeValue> key = KeyOf(map);
        DocumentCondition? expression = DeleteExpression(condition, map);
        WriteOutcome outcome = await _backend.DeleteAsync(_schema, key, expression, cancellationToken)
            .ConfigureAwait(false);
        if (!outcome.Applied)
        {
            throw VersionFailure(key, outcome.Previous);
        }
    }

    /// <summary>Deletes an item only if <paramref name="condition"/> holds for the stored item.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="condition">The condition on the stored item (or on no item).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when a live item was deleted.</returns>
    /// <exception cref="DocumentConditionFailedException">The condition did not hold.</exception>
    public async Task<bool> DeleteWhenAsync(
        DocumentKey key,
        DocumentCondition condition,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Dictionary<string, AttributeValue> map = Key(key.PartitionKey, key.SortKey);
        WriteOutcome outcome = await _backend.DeleteAsync(_schema, map, condition, cancellationToken)
            .ConfigureAwait(false);
        if (!outcome.Applied)
        {
            throw new DocumentConditionFailedException(
                $"The condition of the delete of {Describe(map)} did not hold, so nothing was deleted.");
        }

        return outcome.Previous is not null && !IsExpired(outcome.Previous);
    }

    /// <summary>Reads one page of the items of a partition, on the table or on a declared secondary index.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, with a continuation token when more items may follow.</returns>
    /// <exception cref="InvalidContinuationTokenException">
    /// The token is malformed or belongs to another query.
    /// </exception>
    public async Task<DocumentPage<T>> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        QuerySpecification specification = Specify(query);
        QueryResult result = await _backend.QueryAsync(specification, cancellationToken).ConfigureAwait(false);
        var items = new List<T>(result.Items.Count);
        foreach (Dictionary<string, AttributeValue> item in result.Items)
        {
            if (!IsExpired(item))
            {
                items.Add(_mapper.FromAttributeMap(item));
            }
        }

        string? token = result.LastEvaluatedKey is null
            ? null
            : Base64Url.EncodeToString(AttributeValueJson.Serialize(result.LastEvaluatedKey));
        return new DocumentPage<T>(items, token);
    }

    /// <summary>Reads every item of a query, page after page.</summary>
    /// <param name="query">The query; its continuation token, if any, is where reading starts.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items in sort key order.</returns>
    public async IAsyncEnumerable<T> QueryAllAsync(
        DocumentQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? token = query.ContinuationToken;
        do
        {
            DocumentPage<T> page = await QueryAsync(
                new DocumentQuery
                {
                    PartitionKey = query.PartitionKey,
                    SortKey = query.SortKey,
                    IndexName = query.IndexName,
                    Descending = query.Descending,
                    PageSize = query.PageSize,
                    ConsistentRead = query.ConsistentRead,
                    ContinuationToken = token,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (T item in page.Items)
            {
                yield return item;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// Reads any number of items by key, 100 keys per request, retrying keys that DynamoDB leaves unprocessed.
    /// Duplicate keys are read once.
    /// </summary>
    /// <param name="keys">The keys.</param>
    /// <param name="consistentRead">Whether the reads must reflect every write acknowledged before them.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The live items found, in no particular order.</returns>
    /// <exception cref="DocumentThrottledException">Keys were still unprocessed after every retry.</exception>
    public async Task<IReadOnlyList<T>> BatchGetAsync(
        IEnumerable<DocumentKey> keys,
        bool consistentRead = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var unique = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (DocumentKey key in keys)
        {
            Dictionary<string, AttributeValue> map = Key(key.PartitionKey, key.SortKey);
            unique.TryAdd(Identity(map), map);
        }

        var results = new List<T>(unique.Count);
        foreach (Dictionary<string, AttributeValue>[] chunk in unique.Values.Chunk(BatchGetLimit))
        {
            IReadOnlyList<Dictionary<string, AttributeValue>> pending = chunk;
            for (int retry = 0; pending.Count > 0; retry++)
            {
                if (retry > 0)
                {
                    await BackOffAsync(retry, pending.Count, cancellationToken).ConfigureAwait(false);
                }

                (List<Dictionary<string, AttributeValue>> items, List<Dictionary<string, AttributeValue>> unprocessed) =
                    await _backend.BatchGetAsync(_schema, pending, consistentRead, cancellationToken)
                        .ConfigureAwait(false);
                foreach (Dictionary<string, AttributeValue> item in items)
                {
                    if (!IsExpired(item))
                    {
                        results.Add(_mapper.FromAttributeMap(item));
                    }
                }

                pending = unprocessed;
            }
        }

        return results;
    }

    /// <summary>
    /// Writes any number of items, 25 per request, retrying items that DynamoDB leaves unprocessed. Each item is
    /// written unconditionally; the batch as a whole is not atomic (use a transaction for that).
    /// </summary>
    /// <param name="items">The items; no two may share a key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every item is written.</returns>
    /// <exception cref="DocumentThrottledException">Items were still unprocessed after every retry.</exception>
    public async Task BatchPutAsync(IEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var writes = new List<BatchWrite>();
        try
        {
            foreach (T item in items)
            {
                writes.Add(new BatchWrite(PrepareItem(item, reuse: true, out _), null));
            }

            await BatchWriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Unprocessed writes that DynamoDB hands back carry its own copies, so no retry still needs these maps.
            foreach (BatchWrite write in writes)
            {
                _mapper.ReturnAttributeMap(write.Item!);
            }
        }
    }

    /// <summary>Deletes any number of items by key, 25 per request, retrying unprocessed deletes.</summary>
    /// <param name="keys">The keys; no key may appear twice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every item is deleted.</returns>
    /// <exception cref="DocumentThrottledException">Deletes were still unprocessed after every retry.</exception>
    public Task BatchDeleteAsync(IEnumerable<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var writes = new List<BatchWrite>();
        foreach (DocumentKey key in keys)
        {
            writes.Add(new BatchWrite(null, Key(key.PartitionKey, key.SortKey)));
        }

        return BatchWriteAsync(writes, cancellationToken);
    }

    internal TransactionOperation PreparePut(T item, PutCondition condition, DocumentCondition? custom)
    {
        // A transaction may be committed again after a failure, so its maps are never reused.
        Dictionary<string, AttributeValue> map = PrepareItem(item, reuse: false, out long version);
        return new TransactionOperation(
            _schema,
            TransactionOperationKind.Put,
            map,
            custom ?? PutExpression(condition, version));
    }

    internal TransactionOperation PrepareDelete(T item, DeleteCondition condition)
    {
        Dictionary<string, AttributeValue> map = _mapper.ToAttributeMap(item);
        return new TransactionOperation(
            _schema,
            TransactionOperationKind.Delete,
            KeyOf(map),
            DeleteExpression(condition, map));
    }

    internal TransactionOperation PrepareKeyed(
        TransactionOperationKind kind,
        DocumentKey key,
        DocumentCondition? condition) =>
        new(_schema, kind, Key(key.PartitionKey, key.SortKey), condition);

    internal string Identity(Dictionary<string, AttributeValue> item)
    {
        string partition = Convert.ToHexString(AttributeValues.SortableBytes(item[_schema.PartitionKey.Name]));
        return _schema.SortKey is null
            ? partition
            : partition + "/" + Convert.ToHexString(AttributeValues.SortableBytes(item[_schema.SortKey.Name]));
    }

    internal string Describe(Dictionary<string, AttributeValue> item)
    {
        string text = $"the item with {_schema.PartitionKey.Name} '{Text(item[_schema.PartitionKey.Name])}'";
        if (_schema.SortKey is not null)
        {
            text += $" and {_schema.SortKey.Name} '{Text(item[_schema.SortKey.Name])}'";
        }

        return text + $" in table '{_schema.TableName}'";
    }

    private static string Text(AttributeValue value) =>
        value.S ?? value.N ?? (value.B is null ? string.Empty : Convert.ToBase64String(AttributeValues.Span(value.B)));

    private async Task BatchWriteAsync(List<BatchWrite> writes, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (BatchWrite write in writes)
        {
            Dictionary<string, AttributeValue> key = write.Item ?? write.Key!;
            if (!seen.Add(Identity(key)))
            {
                throw new ArgumentException(
                    $"{Describe(key)} appears twice in one batch. Write each item once per batch.",
                    nameof(writes));
            }
        }

        foreach (BatchWrite[] chunk in writes.Chunk(BatchWriteLimit))
        {
            IReadOnlyList<BatchWrite> pending = chunk;
            for (int retry = 0; pending.Count > 0; retry++)
            {
                if (retry > 0)
                {
                    await BackOffAsync(retry, pending.Count, cancellationToken).ConfigureAwait(false);
                }

                pending = await _backend.BatchWriteAsync(_schema, pending, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task BackOffAsync(int retry, int pending, CancellationToken cancellationToken)
    {
        if (retry > _options.MaxBatchRetries)
        {
            throw new DocumentThrottledException(
                $"DynamoDB left {pending} items of a batch on table '{_schema.TableName}' unprocessed after "
                + $"{_options.MaxBatchRetries} retries. Raise the table's capacity or "
                + "Multiverse:Documents:MaxBatchRetries, or send smaller batches.");
        }

        TimeSpan delay = TimeSpan.FromMilliseconds(Math.Min(5000, 50 * Math.Pow(2, retry - 1)));
        DocumentsLog.BatchUnprocessed(_logger, pending, _schema.TableName, delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="item">The item.</param>
    /// <param name="reuse">
    /// Whether to take the map from the mapper's pool; the caller then returns it once the request has completed.
    /// </param>
    /// <param name="version">The item's version before the write.</param>
    private Dictionary<string, AttributeValue> PrepareItem(T item, bool reuse, out long version)
    {
        ArgumentNullException.ThrowIfNull(item);
        Dictionary<string, AttributeValue> map = reuse ? _mapper.RentAttributeMap(item) : _mapper.ToAttributeMap(item);
        try
        {
            CheckItem(map, out version);
        }
        catch
        {
            _mapper.ReturnAttributeMap(map);
            throw;
        }

        return map;
    }

    private void CheckItem(Dictionary<string, AttributeValue> map, out long version)
    {
        RequireKeyPart(map, _schema.PartitionKey);
        if (_schema.SortKey is not null)
        {
            RequireKeyPart(map, _schema.SortKey);
        }

        // DynamoDB refuses a null index key attribute; leaving it out keeps the item out of that (sparse) index.
        foreach (IndexSchema index in _schema.Indexes)
        {
            RemoveIfNull(map, index.PartitionKey);
            RemoveIfNull(map, index.SortKey);
        }

        version = 0;
        if (_schema.VersionAttribute is { } versionAttribute)
        {
            version = ReadVersion(map);
            map[versionAttribute] = new AttributeValue { N = (version + 1).ToString(CultureInfo.InvariantCulture) };
        }

        int size = ItemSize.Of(map);
        if (size > ItemSize.Limit)
        {
            throw new DocumentTooLargeException(
                $"{Describe(map)} is {size} bytes, over DynamoDB's limit of {ItemSize.Limit} bytes (400 KB) per item. "
                + "Store large content in S3 and keep its object key in the item.")
            {
                Size = size,
            };
        }
    }

    private static void RemoveIfNull(Dictionary<string, AttributeValue> item, KeyAttribute? attribute)
    {
        if (attribute is not null && item.TryGetValue(attribute.Name, out AttributeValue? value) && value.NULL == true)
        {
            item.Remove(attribute.Name);
        }
    }

    private T Stored(T item, Dictionary<string, AttributeValue> map) =>
        _schema.VersionAttribute is null ? item : _mapper.FromAttributeMap(map);

    private DocumentCondition? PutExpression(PutCondition condition, long version) => condition switch
    {
        PutCondition.None => null,
        PutCondition.IfNotExists => Absent(),
        PutCondition.IfVersionMatches => version == 0
            ? Absent()
            : Live(DocumentCondition.EqualTo(RequireVersion(nameof(PutCondition.IfVersionMatches)), version)),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown put condition."),
    };

    private DocumentCondition? DeleteExpression(DeleteCondition condition, Dictionary<string, AttributeValue> item) =>
        condition switch
        {
            DeleteCondition.None => null,
            DeleteCondition.IfExists => Live(DocumentCondition.AttributeExists(_schema.PartitionKey.Name)),
            DeleteCondition.IfVersionMatches => Live(DocumentCondition.EqualTo(
                RequireVersion(nameof(DeleteCondition.IfVersionMatches)),
                ReadVersion(item))),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown delete condition."),
        };

    /// <summary>No item is stored, or the stored one has expired.</summary>
    private DocumentCondition Absent()
    {
        DocumentCondition absent = DocumentCondition.AttributeNotExists(_schema.PartitionKey.Name);
        return Expired() is { } expired ? absent | expired : absent;
    }

    /// <summary>The condition holds and the stored item has not expired.</summary>
    private DocumentCondition Live(DocumentCondition condition) =>
        Expired() is { } expired ? condition & !expired : condition;

    /// <summary>
    /// The stored item has expired: its TTL has passed, and is not more than five years old, which DynamoDB
    /// ignores (so a zero TTL means "never").
    /// </summary>
    private DocumentCondition? Expired()
    {
        if (_schema.TimeToLiveAttribute is not { } ttl)
        {
            return null;
        }

        long now = Now();
        return DocumentCondition.LessThanOrEqualTo(ttl, now)
            & DocumentCondition.GreaterThan(ttl, now - IgnoredTimeToLiveAge);
    }

    private DocumentException PutFailure(
        PutCondition condition,
        long version,
        Dictionary<string, AttributeValue>? previous,
        Dictionary<string, AttributeValue> item)
    {
        if (condition == PutCondition.IfNotExists || (condition == PutCondition.IfVersionMatches && version == 0))
        {
            return new DocumentAlreadyExistsException(
                $"{Describe(item)} already exists. Read it and update it, or put it without the create-only "
                + "condition.");
        }

        return VersionFailure(item, previous);
    }

    private DocumentException VersionFailure(
        Dictionary<string, AttributeValue> key,
        Dictionary<string, AttributeValue>? previous)
    {
        if (previous is null || IsExpired(previous))
        {
            return new DocumentNotFoundException($"{Describe(key)} is not stored.");
        }

        long? current = _schema.VersionAttribute is null ? null : ReadVersion(previous);
        return new DocumentConflictException(
            $"{Describe(key)} was changed by another writer (stored version {current}). Read it again and retry, "
            + "or use UpdateAsync, which retries for you.")
        {
            CurrentVersion = current,
        };
    }

    private QuerySpecification Specify(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IndexSchema? index = null;
        if (query.IndexName is not null)
        {
            index = _schema.FindIndex(query.IndexName) ?? throw new ArgumentException(
                $"Table '{_schema.DeclaredName}' declares no index '{query.IndexName}'. Declared indexes: "
                + $"{string.Join(", ", _schema.Indexes.Select(declared => declared.Name))}.",
                nameof(query));
            if (index.IsGlobal && query.ConsistentRead)
            {
                throw new ArgumentException(
                    $"Global index '{index.Name}' does not support consistent reads. Query the table or drop "
                    + "ConsistentRead.",
                    nameof(query));
            }
        }

        if (query.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be at least 1.");
        }

        KeyAttribute partitionKey = index?.PartitionKey ?? _schema.PartitionKey;
        KeyAttribute? sortKey = index is null ? _schema.SortKey : index.SortKey;
        AttributeValue partitionValue = KeyPart(query.PartitionKey, partitionKey);
        if (query.SortKey is { } condition)
        {
            if (sortKey is null)
            {
                throw new ArgumentException(
                    $"{(index is null ? "Table" : "Index")} '{index?.Name ?? _schema.DeclaredName}' has no sort key, "
                    + "so a query cannot have a sort key condition.",
                    nameof(query));
            }

            KeyPart(condition.Value, sortKey, allowEmpty: condition.Operator == SortKeyOperator.BeginsWith);
            if (condition.Operator == SortKeyOperator.Between)
            {
                KeyPart(condition.UpperBound, sortKey);
            }

            if (condition.Operator == SortKeyOperator.BeginsWith && sortKey.Kind == DocumentValueKind.Number)
            {
                throw new ArgumentException(
                    $"Sort key '{sortKey.Name}' is a number; BeginsWith works only on string and binary sort keys.",
                    nameof(query));
            }
        }

        Dictionary<string, AttributeValue>? startKey = query.ContinuationToken is null
            ? null
            : DecodeToken(query.ContinuationToken, partitionKey, partitionValue, index);
        return new QuerySpecification(
            _schema,
            index,
            partitionValue,
            query.SortKey,
            query.Descending,
            query.PageSize,
            startKey,
            query.ConsistentRead);
    }

    private Dictionary<string, AttributeValue> DecodeToken(
        string token,
        KeyAttribute partitionKey,
        AttributeValue partitionValue,
        IndexSchema? index)
    {
        Dictionary<string, AttributeValue> key;
        try
        {
            key = AttributeValueJson.Deserialize(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            throw new InvalidContinuationTokenException(
                "The continuation token is malformed. Send back the token of the previous page unchanged, or start "
                + "the query again without one.",
                exception);
        }

        IEnumerable<KeyAttribute?> required =
            [_schema.PartitionKey, _schema.SortKey, index?.PartitionKey, index?.SortKey];
        bool complete = required.All(attribute => attribute is null
            || (key.TryGetValue(attribute.Name, out AttributeValue? value)
                && AttributeValues.ScalarKind(value) == attribute.Kind));
        if (!complete || key.Count > 4 || AttributeValues.Compare(key[partitionKey.Name], partitionValue) != 0)
        {
            throw new InvalidContinuationTokenException(
                "The continuation token belongs to another query. Send it back only with the query that returned it.");
        }

        return key;
    }

    private Dictionary<string, AttributeValue> Key(DocumentValue partitionKey, DocumentValue sortKey)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
        {
            [_schema.PartitionKey.Name] = KeyPart(partitionKey, _schema.PartitionKey),
        };
        if (_schema.SortKey is not null)
        {
            key[_schema.SortKey.Name] = KeyPart(sortKey, _schema.SortKey);
        }
        else if (sortKey.Kind != DocumentValueKind.None)
        {
            throw new DocumentKeyException(
                $"Table '{_schema.DeclaredName}' has no sort key; pass only the partition key.");
        }

        return key;
    }

    private Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item)
    {
        RequireKeyPart(item, _schema.PartitionKey);
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
        {
            [_schema.PartitionKey.Name] = item[_schema.PartitionKey.Name],
        };
        if (_schema.SortKey is not null)
        {
            RequireKeyPart(item, _schema.SortKey);
            key[_schema.SortKey.Name] = item[_schema.SortKey.Name];
        }

        return key;
    }

    private static bool SameKey(Dictionary<string, AttributeValue> item, Dictionary<string, AttributeValue> key) =>
        key.All(pair => item.TryGetValue(pair.Key, out AttributeValue? value)
            && AttributeValues.Compare(value, pair.Value) == 0);

    private AttributeValue KeyPart(DocumentValue value, KeyAttribute attribute, bool allowEmpty = false)
    {
        if (value.Kind == DocumentValueKind.None)
        {
            throw new DocumentKeyException(
                $"Key attribute '{attribute.Name}' of table '{_schema.DeclaredName}' needs a value.");
        }

        if (value.Kind != attribute.Kind)
        {
            throw new DocumentKeyException(
                $"Key attribute '{attribute.Name}' of table '{_schema.DeclaredName}' is a {KindName(attribute.Kind)}, "
                + $"but a {KindName(value.Kind)} was given.");
        }

        AttributeValue attributeValue = value.ToAttributeValue();
        if (!allowEmpty)
        {
            RequireNotEmpty(attributeValue, attribute);
        }

        return attributeValue;
    }

    private void RequireKeyPart(Dictionary<string, AttributeValue> item, KeyAttribute attribute)
    {
        if (!item.TryGetValue(attribute.Name, out AttributeValue? value) || value.NULL == true)
        {
            throw new DocumentKeyException(
                $"The item has no value for key attribute '{attribute.Name}' of table '{_schema.DeclaredName}'. "
                + "Set it before writing.");
        }

        if (AttributeValues.ScalarKind(value) != attribute.Kind)
        {
            throw new DocumentKeyException(
                $"Key attribute '{attribute.Name}' of table '{_schema.DeclaredName}' must be a "
                + $"{KindName(attribute.Kind)}.");
        }

        RequireNotEmpty(value, attribute);
    }

    private void RequireNotEmpty(AttributeValue value, KeyAttribute attribute)
    {
        if ((value.S is not null && value.S.Length == 0) || (value.B is not null && value.B.Length == 0))
        {
            throw new DocumentKeyException(
                $"Key attribute '{attribute.Name}' of table '{_schema.DeclaredName}' is empty. DynamoDB keys must "
                + "not be empty strings or empty binary values.");
        }
    }

    private static string KindName(DocumentValueKind kind) => kind switch
    {
        DocumentValueKind.Text => "string",
        DocumentValueKind.Number => "number",
        DocumentValueKind.Binary => "binary value",
        DocumentValueKind.Boolean => "Boolean",
        _ => "missing value",
    };

    private string RequireVersion(string operation) => _schema.VersionAttribute
        ?? throw new InvalidOperationException(
            $"{operation} needs a version attribute, and table '{_schema.DeclaredName}' declares none. Add "
            + "table.Version(item => item.Version) to its declaration.");

    private long ReadVersion(Dictionary<string, AttributeValue> item)
    {
        if (_schema.VersionAttribute is null
            || !item.TryGetValue(_schema.VersionAttribute, out AttributeValue? value)
            || value.N is null)
        {
            return 0;
        }

        return long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    private bool IsExpired(Dictionary<string, AttributeValue> item)
    {
        if (_schema.TimeToLiveAttribute is null
            || !item.TryGetValue(_schema.TimeToLiveAttribute, out AttributeValue? value)
            || value.N is null
            || !decimal.TryParse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal expiresAt))
        {
            return false;
        }

        long now = Now();
        return expiresAt <= now && expiresAt > now - IgnoredTimeToLiveAge;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();
}
