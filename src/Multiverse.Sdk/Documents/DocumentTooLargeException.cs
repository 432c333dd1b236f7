namespace Multiverse.Sdk.Documents;

/// <summary>
/// An item is larger than DynamoDB's 400 KB item limit; both providers measure it the same way.
/// </summary>
public sealed class DocumentTooLargeException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentTooLargeException"/> class.</summary>
    public DocumentTooLargeException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the item's size in bytes, measured the way DynamoDB measures it.</summary>
    public int Size { get; init; }
}
