namespace Multiverse.Sdk.Objects;

/// <summary>
/// One page of a listing asked of <see cref="IObjectStore.ListPageAsync"/>.
/// </summary>
public sealed class ObjectListRequest
{
    /// <summary>The largest page S3 returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets or sets the prefix every key listed starts with.</summary>
    /// <value>Defaults to none: every object.</value>
    public string? Prefix { get; set; }

    /// <summary>
    /// Gets or sets the delimiter, usually <c>/</c>, that groups keys into <see cref="ObjectListPage.CommonPrefixes"/>
    /// like folders.
    /// </summary>
    /// <value>Defaults to none: a flat listing.</value>
    public string? Delimiter { get; set; }

    /// <summary>Gets or sets the token of the previous page's <see cref="ObjectListPage.NextPageToken"/>.</summary>
    /// <value>Defaults to none: the first page.</value>
    public string? PageToken { get; set; }

    /// <summary>Gets or sets the most entries (objects and common prefixes) a page holds, 1 to 1000.</summary>
    /// <value>Defaults to 1000.</value>
    public int PageSize { get; set; } = MaxPageSize;
}
