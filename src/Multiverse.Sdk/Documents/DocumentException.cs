namespace Multiverse.Sdk.Documents;

/// <summary>
/// The base of every error the document store raises; no raw AWS or SQLite exception escapes it.
/// </summary>
public class DocumentException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DocumentException"/> class.</summary>
    public DocumentException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
