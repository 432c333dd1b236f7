namespace Multiverse.Sdk.Documents;

/// <summary>
/// One page of query results.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DocumentPage<T>
{
    internal DocumentPage(IReadOnlyList<T> items, string? continuationToken)
    {
        Items = items;
        ContinuationToken = continuationToken;
    }

    /// <summary>Gets the items of this page, in sort key order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// Gets an opaque, URL-safe token that continues the query after this page; <see langword="null"/> when there
    /// are no more items. Clients may send it back through an HTTP API.
    /// </summary>
    public string? ContinuationToken { get; }
}
