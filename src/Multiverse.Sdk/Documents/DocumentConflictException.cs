namespace Multiverse.Sdk.Documents;

/// <summary>
/// The stored item's version differs from the expected one: another writer changed it first. Read it again and
/// retry, or use an update, which retries for you.
/// </summary>
public sealed class DocumentConflictException : DocumentConditionFailedException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentConflictException"/> class.</summary>
    public DocumentConflictException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the version stored when the write was refused, when known.</summary>
    public long? CurrentVersion { get; init; }
}
