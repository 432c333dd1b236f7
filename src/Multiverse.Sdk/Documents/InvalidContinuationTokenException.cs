namespace Multiverse.Sdk.Documents;

/// <summary>
/// A continuation token is malformed or belongs to another query. Start the query again without a token.
/// </summary>
public sealed class InvalidContinuationTokenException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="InvalidContinuationTokenException"/> class.</summary>
    public InvalidContinuationTokenException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public InvalidContinuationTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public InvalidContinuationTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
