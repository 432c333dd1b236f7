namespace Multiverse.Sdk.Documents;

/// <summary>
/// Settings of the embedded (SQLite) provider, bound from <c>Multiverse:Documents:Embedded</c>.
/// </summary>
public sealed class EmbeddedDocumentsOptions
{
    /// <summary>
    /// Gets or sets the database file. A relative path is resolved against the application's content root.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: the database lives in memory and is gone when the process ends.
    /// </value>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets how long a write waits for another process that holds the database file's write lock.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
