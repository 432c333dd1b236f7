namespace Multiverse.Sdk.Objects;

/// <summary>
/// One page of a listing, in key order.
/// </summary>
public sealed class ObjectListPage
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="objects">The objects on the page.</param>
    /// <param name="commonPrefixes">The key prefixes grouped by the delimiter.</param>
    /// <param name="nextPageToken">The token of the next page, or <see langword="null"/> on the last page.</param>
    public ObjectListPage(
        IReadOnlyList<ObjectSummary> objects,
        IReadOnlyList<string> commonPrefixes,
        string? nextPageToken)
    {
        Objects = objects;
        CommonPrefixes = commonPrefixes;
        NextPageToken = nextPageToken;
    }

    /// <summary>Gets the objects on the page.</summary>
    public IReadOnlyList<ObjectSummary> Objects { get; }

    /// <summary>Gets the key prefixes, up to and including the delimiter, that stand for several keys.</summary>
    public IReadOnlyList<string> CommonPrefixes { get; }

    /// <summary>Gets the token that asks for the next page, or <see langword="null"/> when this is the last
    /// page.</summary>
    public string? NextPageToken { get; }
}
