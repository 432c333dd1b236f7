namespace Multiverse.Sdk.Objects;

/// <summary>
/// Thrown when an object key breaks S3's rules, or could leave the embedded provider's root folder.
/// </summary>
public sealed class InvalidObjectKeyException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="InvalidObjectKeyException"/> class.</summary>
    public InvalidObjectKeyException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public InvalidObjectKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public InvalidObjectKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
