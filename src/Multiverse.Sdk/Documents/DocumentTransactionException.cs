namespace Multiverse.Sdk.Documents;

/// <summary>
/// A transaction was cancelled, so none of its operations were applied. <see cref="FailedOperations"/> names the
/// operations whose condition failed.
/// </summary>
public sealed class DocumentTransactionException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentTransactionException"/> class.</summary>
    public DocumentTransactionException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentTransactionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentTransactionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets the zero-based positions, in the order they were added, of the operations whose condition failed.
    /// </summary>
    public IReadOnlyList<int> FailedOperations { get; init; } = [];
}
