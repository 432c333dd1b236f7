namespace Multiverse.Sdk.Documents;

/// <summary>
/// A key value is missing, empty, or of the wrong type for the table's declared key.
/// </summary>
public sealed class DocumentKeyException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentKeyException"/> class.</summary>
    public DocumentKeyException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
