namespace Multiverse.Sdk.Documents;

/// <summary>
/// A create-only put found an item with the same key already stored.
/// </summary>
public sealed class DocumentAlreadyExistsException : DocumentConditionFailedException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentAlreadyExistsException"/> class.</summary>
    public DocumentAlreadyExistsException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
