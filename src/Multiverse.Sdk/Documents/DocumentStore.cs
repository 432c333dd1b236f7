using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// The application's document tables, on the configured provider: typed tables, transactions across them, and
/// table provisioning for development and tests. Registered as a singleton by <c>AddDocuments</c>.
/// </summary>
public sealed class DocumentStore : IAsyncDisposable, IDisposable
{
    private readonly IDocumentBackend _backend;
    private readonly Dictionary<Type, object> _tables = [];
    private readonly List<TableSchema> _schemas = [];
    private readonly ILogger _logger;

    internal DocumentStore(
        DocumentProvider provider,
        IDocumentBackend backend,
        DocumentsOptions options,
        IEnumerable<DocumentTableRegistration> registrations,
        TimeProvider time,
        ILogger logger)
    {
        Provider = provider;
        _backend = backend;
        _logger = logger;
        foreach (DocumentTableRegistration registration in registrations)
        {
            string tableName = options.Tables.TryGetValue(registration.Schema.DeclaredName, out string? configured)
                && !string.IsNullOrWhiteSpace(configured)
                ? configured
                : registration.Schema.DeclaredName;
            TableSchema schema = registration.Schema.WithTableName(tableName);
            _schemas.Add(schema);
            _tables[registration.ItemType] = registration.CreateTable(schema, backend, options, time, logger);
        }
    }

    /// <summary>Gets the provider that stores the tables.</summary>
    public DocumentProvider Provider { get; }

    /// <summary>Gets the table declared for items of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The item type given to <c>AddTable</c>.</typeparam>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidOperationException">No table is declared for the type.</exception>
    public DocumentTable<T> Table<T>() =>
        _tables.TryGetValue(typeof(T), out object? table)
            ? (DocumentTable<T>)table
            : throw new InvalidOperationException(
                $"No document table is declared for {typeof(T).Name}. Declare it with "
                + $"documents.AddTable<{typeof(T).Name}>(...) in AddDocuments.");

    /// <summary>Starts a transaction: up to 100 operations, applied together or not at all.</summary>
    /// <returns>An empty transaction.</returns>
    public DocumentTransaction CreateTransaction() => new(_backend);

    /// <summary>
    /// Creates every declared table that does not exist, with its indexes and TTL setting. For development and
    /// tests: production tables come from Terraform.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every table exists.</returns>
    public async Task CreateTablesAsync(CancellationToken cancellationToken = default)
    {
        foreach (TableSchema schema in _schemas)
        {
            if (await _backend.CreateTableAsync(schema, cancellationToken).ConfigureAwait(false))
            {
                DocumentsLog.TableCreated(_logger, schema.TableName, Provider);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => _backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
