namespace Multiverse.Sdk.Documents;

/// <summary>
/// The item an update, a conditional put or a conditional delete needs is not stored (or has expired).
/// </summary>
public sealed class DocumentNotFoundException : DocumentConditionFailedException
{
    /// <summary>Initializes a new instance of the <see cref="DocumentNotFoundException"/> class.</summary>
    public DocumentNotFoundException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public DocumentNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
