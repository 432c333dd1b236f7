namespace Multiverse.Sdk.Documents;

/// <summary>
/// Document store settings, bound from <c>Multiverse:Documents</c>.
/// </summary>
public sealed class DocumentsOptions
{
    /// <summary>The configuration path of these settings under the root configuration.</summary>
    public const string SectionPath = "Multiverse:Documents";

    /// <summary>Gets or sets where the tables are stored.</summary>
    /// <value>
    /// Defaults to <see cref="DocumentProvider.Embedded"/>, so an application with no configuration runs locally
    /// with no AWS account.
    /// </value>
    public DocumentProvider Provider { get; set; } = DocumentProvider.Embedded;

    /// <summary>Gets the settings of the embedded provider.</summary>
    public EmbeddedDocumentsOptions Embedded { get; } = new();

    /// <summary>
    /// Gets the physical table name of each declared table, keyed by the name given to <c>AddTable</c>, for
    /// example <c>Multiverse:Documents:Tables:Orders = orders-prod</c> (environment variable
    /// <c>Multiverse__Documents__Tables__Orders</c>).
    /// </summary>
    /// <value>
    /// Empty by default. The DynamoDB provider requires a name for every declared table; the embedded provider uses
    /// the declared name when none is configured.
    /// </value>
    public IDictionary<string, string> Tables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets whether the declared tables, their indexes and TTL are created at start-up when missing.
    /// Production tables come from Terraform; this is for development and tests.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>, which means <see langword="true"/> for the embedded provider and
    /// <see langword="false"/> for DynamoDB.
    /// </value>
    public bool? CreateTables { get; set; }

    /// <summary>
    /// Gets or sets how many times an update reads, applies its change and writes before it gives up on version
    /// conflicts with concurrent writers.
    /// </summary>
    /// <value>Defaults to 10 attempts, the first one included.</value>
    public int MaxUpdateAttempts { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many times a batch request is sent again for the items DynamoDB left unprocessed
    /// (throttling) before it fails.
    /// </summary>
    /// <value>Defaults to 8 retries, with exponential backoff from 50 milliseconds.</value>
    public int MaxBatchRetries { get; set; } = 8;
}
