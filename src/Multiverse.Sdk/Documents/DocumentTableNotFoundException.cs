namespace Multiverse.Sdk.Documents;

/// <summary>
/// The table does not exist. Production tables come from Terraform; in development set
/// <c>Multiverse:Documents:CreateTables</c> or call <c>DocumentStore.CreateTablesAsync</c>.
/// </summary>
public sealed class DocumentTableNotFoundException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentTableNotFoundException"/> class.</summary>
    public DocumentTableNotFoundException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentTableNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentTableNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the physical name of the missing table.</summary>
    public string? TableName { get; init; }
}
