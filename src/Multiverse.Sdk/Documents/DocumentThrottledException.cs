namespace Multiverse.Sdk.Documents;

/// <summary>
/// DynamoDB kept throttling the request after every retry, or the embedded database stayed locked by another process.
/// </summary>
public sealed class DocumentThrottledException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentThrottledException"/> class.</summary>
    public DocumentThrottledException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
