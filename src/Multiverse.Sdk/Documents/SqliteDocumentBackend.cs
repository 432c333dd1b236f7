using Amazon.DynamoDBv2.Model;
using Microsoft.Data.Sqlite;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Stores items in SQLite, in memory or in a file in WAL mode, with DynamoDB's semantics: key order, conditions,
/// paging, sparse secondary indexes and all-or-nothing transactions. One connection serves the process and a gate
/// serialises its use; every write is one SQLite transaction, so a killed process leaves each write either fully
/// applied or absent.
/// </summary>
internal sealed class SqliteDocumentBackend : IDocumentBackend
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS document_tables (name TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS items (
            table_name TEXT NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, item BLOB NOT NULL,
            PRIMARY KEY (table_name, pk, sk)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS index_entries (
            table_name TEXT NOT NULL, index_name TEXT NOT NULL, ipk BLOB NOT NULL, isk BLOB NOT NULL,
            pk BLOB NOT NULL, sk BLOB NOT NULL,
            PRIMARY KEY (table_name, index_name, ipk, isk, pk, sk)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS index_entries_by_item ON index_entries (table_name, pk, sk);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownTables = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public SqliteDocumentBackend(string? path, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        };
        if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        using SqliteCommand setup = _connection.CreateCommand();

        // WAL keeps readers and the writer apart and makes every commit atomic on disk; NORMAL synchronisation
        // survives a killed process (only a power loss can drop the last commits, never corrupt the file).
        setup.CommandText = (path is null ? string.Empty : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; ")
            + $"PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds}; " + Schema;
        setup.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (SqliteCommand command in _commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            _commands.Clear();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<bool> CreateTableAsync(TableSchema table, CancellationToken cancellationToken) =>
        RunAsync(write: true, () =>
        {
            int created = Execute("INSERT OR IGNORE INTO document_tables (name) VALUES ($name)", table.TableName);
            _knownTables.Add(table.TableName);
            return created > 0;
        },
        cancellationToken);

    public Task<Dictionary<string, AttributeValue>?> GetAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        bool consistentRead,
        CancellationToken cancellationToken) =>
        RunAsync(write: false, () =>
        {
            RequireTable(table);
            return Read(table, key);
        },
        cancellationToken);

    public Task<WriteOutcome> PutAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> item,
        DocumentCondition? condition,
        CancellationToken cancellationToken) =>
        RunAsync(write: true, () =>
        {
            RequireTable(table);
            Dictionary<string, AttributeValue>? previous = condition is null ? null : Read(table, item);
            if (condition is not null && !condition.Evaluate(previous))
            {
                return new WriteOutcome(false, previous);
            }

            Store(table, item);
            return new WriteOutcome(true, previous);
        },
        cancellationToken);

    public Task<WriteOutcome> DeleteAsync(
        TableSchema table,
        Dictionary<string, AttributeValue> key,
        DocumentCondition? condition,
        CancellationToken cancellationToken) =>
        RunAsync(write: true, () =>
        {
            RequireTable(table);
            Dictionary<string, AttributeValue>? previous = Read(table, key);
            if (condition is not null && !condition.Evaluate(previous))
            {
                return new WriteOutcome(false, previous);
            }

            Remove(table, key);
            return new WriteOutcome(true, previous);
        },
        cancellationToken);

    public Task<QueryResult> QueryAsync(QuerySpecification query, CancellationToken cancellationToken) =>
        RunAsync(write: false, () =>
        {
            RequireTable(query.Table);
            return query.Index is null ? QueryTable(query) : QueryIndex(query, query.Index);
        },
        cancellationToken);

    public Task<(List<Dictionary<string, AttributeValue>> Items, List<Dictionary<string, AttributeValue>> Unprocessed)>
        BatchGetAsync(
            TableSchema table,
            IReadOnlyList<Dictionary<string, AttributeValue>> keys,
            bool consistentRead,
            CancellationToken cancellationToken) =>
        RunAsync(write: false, () =>
        {
            RequireTable(table);
            var items = new List<Dictionary<string, AttributeValue>>(keys.Count);
            foreach (Dictionary<string, AttributeValue> key in keys)
            {
                if (Read(table, key) is { } item)
                {
                    items.Add(item);
                }
            }

            return (items, new List<Dictionary<string, AttributeValue>>());
        },
        cancellationToken);

    public Task<List<BatchWrite>> BatchWriteAsync(
        TableSchema table,
        IReadOnlyList<BatchWrite> writes,
        CancellationToken cancellationToken) =>
        RunAsync(write: true, () =>
        {
            RequireTable(table);
            foreach (BatchWrite write in writes)
            {
                if (write.Item is not null)
                {
                    Store(table, write.Item);
                }
                else
                {
                    Remove(table, write.Key!);
                }
            }

            return new List<BatchWrite>();
        },
        cancellationToken);

    public Task<IReadOnlyList<int>> TransactWriteAsync(
        IReadOnlyList<TransactionOperation> operations,
        CancellationToken cancellationToken) =>
        RunAsync(write: true, () =>
        {
            var failed = new List<int>();
            for (int index = 0; index < operations.Count; index++)
            {
                TransactionOperation operation = operations[index];
                RequireTable(operation.Table);
                if (operation.Condition is not null
                    && !operation.Condition.Evaluate(Read(operation.Table, operation.Item)))
                {
                    failed.Add(index);
                }
            }

            // Nothing has been written yet, so committing the read-only transaction applies none of the operations.
            if (failed.Count > 0)
            {
                return (IReadOnlyList<int>)failed;
            }

            foreach (TransactionOperation operation in operations)
            {
                switch (operation.Kind)
                {
                    case TransactionOperationKind.Put:
                        Store(operation.Table, operation.Item);
                        break;
                    case TransactionOperationKind.Delete:
                        Remove(operation.Table, operation.Item);
                        break;
                }
            }

            return (IReadOnlyList<int>)[];
        },
        cancellationToken);

    private static byte[] KeyBytes(Dictionary<string, AttributeValue> item, KeyAttribute? key) =>
        key is not null && item.TryGetValue(key.Name, out AttributeValue? value)
            ? AttributeValues.SortableBytes(value)
            : [];

    private static bool HasKey(Dictionary<string, AttributeValue> item, KeyAttribute? key) =>
        key is null || (item.TryGetValue(key.Name, out AttributeValue? value)
            && AttributeValues.ScalarKind(value) == key.Kind);

    private async Task<TResult> RunAsync<TResult>(bool write, Func<TResult> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _transaction = write ? _connection.BeginTransaction(deferred: false) : null;
            TResult result = work();
            _transaction?.Commit();
            return result;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            throw new DocumentThrottledException(
                "The embedded database file stayed locked by another process. Let one process own the file, or "
                + "raise Multiverse:Documents:Embedded:BusyTimeout.",
                exception);
        }
        catch (SqliteException exception)
        {
            throw new DocumentException($"The embedded database failed: {exception.Message}", exception);
        }
        finally
        {
            _transaction?.Dispose();
            _transaction = null;
            _gate.Release();
        }
    }

    private void RequireTable(TableSchema table)
    {
        if (_knownTables.Contains(table.TableName))
        {
            return;
        }

        using SqliteDataReader reader = Query("SELECT 1 FROM document_tables WHERE name = $name", table.TableName);
        if (!reader.Read())
        {
            throw DocumentErrors.TableNotFound(table.TableName);
        }

        _knownTables.Add(table.TableName);
    }

    private Dictionary<string, AttributeValue>? Read(TableSchema table, Dictionary<string, AttributeValue> key)
    {
        using SqliteDataReader reader = Query(
            "SELECT item FROM items WHERE table_name = $table AND pk = $pk AND sk = $sk",
            table.TableName,
            KeyBytes(key, table.PartitionKey),
            KeyBytes(key, table.SortKey));
        return reader.Read() ? AttributeValueJson.Deserialize((byte[])reader[0]) : null;
    }

    private void Store(TableSchema table, Dictionary<string, AttributeValue> item)
    {
        byte[] partitionKey = KeyBytes(item, table.PartitionKey);
        byte[] sortKey = KeyBytes(item, table.SortKey);
        Execute(
            "INSERT OR REPLACE INTO items (table_name, pk, sk, item) VALUES ($table, $pk, $sk, $item)",
            table.TableName,
            partitionKey,
            sortKey,
            AttributeValueJson.Serialize(item));
        if (table.Indexes.Count == 0)
        {
            return;
        }

        Execute(
            "DELETE FROM index_entries WHERE table_name = $table AND pk = $pk AND sk = $sk",
            table.TableName,
            partitionKey,
            sortKey);
        foreach (IndexSchema index in table.Indexes)
        {
            // Like DynamoDB, an index holds only the items that carry its key attributes (a sparse index).
            if (!HasKey(item, index.PartitionKey) || !HasKey(item, index.SortKey))
            {
                continue;
            }

            Execute(
                "INSERT OR REPLACE INTO index_entries (table_name, index_name, ipk, isk, pk, sk) "
                + "VALUES ($table, $index, $ipk, $isk, $pk, $sk)",
                table.TableName,
                index.Name,
                KeyBytes(item, index.PartitionKey),
                KeyBytes(item, index.SortKey),
                partitionKey,
                sortKey);
        }
    }

    private void Remove(TableSchema table, Dictionary<string, AttributeValue> key)
    {
        byte[] partitionKey = KeyBytes(key, table.PartitionKey);
        byte[] sortKey = KeyBytes(key, table.SortKey);
        Execute(
            "DELETE FROM items WHERE table_name = $table AND pk = $pk AND sk = $sk",
            table.TableName,
            partitionKey,
            sortKey);
        if (table.Indexes.Count > 0)
        {
            Execute(
                "DELETE FROM index_entries WHERE table_name = $table AND pk = $pk AND sk = $sk",
                table.TableName,
                partitionKey,
                sortKey);
        }
    }

    private QueryResult QueryTable(QuerySpecification query)
    {
        TableSchema table = query.Table;
        var arguments = new List<object> { table.TableName, AttributeValues.SortableBytes(query.PartitionKey) };
        string sql = "SELECT item FROM items WHERE table_name = $p0 AND pk = $p1"
            + SortKeyFilter("sk", query.SortKey, arguments);
        if (query.ExclusiveStartKey is not null)
        {
            arguments.Add(KeyBytes(query.ExclusiveStartKey, table.SortKey));
            sql += $" AND sk {(query.Descending ? "<" : ">")} $p{arguments.Count - 1}";
        }

        arguments.Add(query.Limit);
        sql += $" ORDER BY sk {(query.Descending ? "DESC" : "ASC")} LIMIT $p{arguments.Count - 1}";
        return Collect(query, sql, arguments);
    }

    private QueryResult QueryIndex(QuerySpecification query, IndexSchema index)
    {
        TableSchema table = query.Table;
        var arguments = new List<object>
        {
            table.TableName,
            index.Name,
            AttributeValues.SortableBytes(query.PartitionKey),
        };
        string sql = "SELECT i.item FROM index_entries e JOIN items i "
            + "ON i.table_name = e.table_name AND i.pk = e.pk AND i.sk = e.sk "
            + "WHERE e.table_name = $p0 AND e.index_name = $p1 AND e.ipk = $p2"
            + SortKeyFilter("e.isk", query.SortKey, arguments);
        string direction = query.Descending ? "DESC" : "ASC";
        if (query.ExclusiveStartKey is not null)
        {
            arguments.Add(KeyBytes(query.ExclusiveStartKey, index.SortKey));
            arguments.Add(KeyBytes(query.ExclusiveStartKey, table.PartitionKey));
            arguments.Add(KeyBytes(query.ExclusiveStartKey, table.SortKey));
            int last = arguments.Count - 1;
            sql += $" AND (e.isk, e.pk, e.sk) {(query.Descending ? "<" : ">")} ($p{last - 2}, $p{last - 1}, $p{last})";
        }

        arguments.Add(query.Limit);
        sql += $" ORDER BY e.isk {direction}, e.pk {direction}, e.sk {direction} LIMIT $p{arguments.Count - 1}";
        return Collect(query, sql, arguments);
    }

    private QueryResult Collect(QuerySpecification query, string sql, List<object> arguments)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        using (SqliteDataReader reader = Query(sql, [.. arguments]))
        {
            while (reader.Read())
            {
                items.Add(AttributeValueJson.Deserialize((byte[])reader[0]));
            }
        }

        // DynamoDB returns a last evaluated key whenever it stopped at the limit, even when nothing follows.
        if (items.Count < query.Limit)
        {
            return new QueryResult(items, null);
        }

        Dictionary<string, AttributeValue> lastItem = items[^1];
        var lastKey = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (KeyAttribute? key in new[]
        {
            query.Table.PartitionKey, query.Table.SortKey, query.Index?.PartitionKey, query.Index?.SortKey,
        })
        {
            if (key is not null && lastItem.TryGetValue(key.Name, out AttributeValue? value))
            {
                lastKey[key.Name] = value;
            }
        }

        return new QueryResult(items, lastKey);
    }

    private static string SortKeyFilter(string column, SortKeyCondition? condition, List<object> arguments)
    {
        if (condition is null)
        {
            return string.Empty;
        }

        arguments.Add(AttributeValues.SortableBytes(condition.Value.ToAttributeValue()));
        string value = $"$p{arguments.Count - 1}";
        switch (condition.Operator)
        {
            case SortKeyOperator.Equal:
                return $" AND {column} = {value}";
            case SortKeyOperator.BeginsWith:
                return $" AND substr({column}, 1, length({value})) = {value}";
            case SortKeyOperator.Between:
                arguments.Add(AttributeValues.SortableBytes(condition.UpperBound.ToAttributeValue()));
                return $" AND {column} BETWEEN {value} AND $p{arguments.Count - 1}";
            case SortKeyOperator.LessThan:
                return $" AND {column} < {value}";
            case SortKeyOperator.LessThanOrEqual:
                return $" AND {column} <= {value}";
            case SortKeyOperator.GreaterThan:
                return $" AND {column} > {value}";
            default:
                return $" AND {column} >= {value}";
        }
    }

    private int Execute(string sql, params object[] arguments) => Prepare(sql, arguments).ExecuteNonQuery();

    private SqliteDataReader Query(string sql, params object[] arguments) => Prepare(sql, arguments).ExecuteReader();

    private SqliteCommand Prepare(string sql, object[] arguments)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        SqliteParameterCollection parameters = command.Parameters;
        if (parameters.Count != arguments.Length)
        {
            parameters.Clear();
            int position = 0;
            foreach (string name in ParameterNames(sql))
            {
                parameters.Add(new SqliteParameter(name, arguments[position++]));
            }
        }
        else
        {
            for (int index = 0; index < arguments.Length; index++)
            {
                parameters[index].Value = arguments[index];
            }
        }

        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int start = sql.IndexOf('$', StringComparison.Ordinal);
        while (start >= 0)
        {
            int end = start + 1;
            while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            string name = sql[start..end];
            if (seen.Add(name))
            {
                yield return name;
            }

            start = sql.IndexOf('$', end);
        }
    }
}
