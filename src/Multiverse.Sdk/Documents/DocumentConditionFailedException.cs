namespace Multiverse.Sdk.Documents;

/// <summary>
/// A write's condition did not hold, so nothing was written.
/// </summary>
public class DocumentConditionFailedException : DocumentException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentConditionFailedException"/> class.</summary>
    public DocumentConditionFailedException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentConditionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentConditionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
