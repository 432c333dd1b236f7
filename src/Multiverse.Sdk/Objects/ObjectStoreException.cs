namespace Multiverse.Sdk.Objects;

/// <summary>
/// Thrown when an object store request fails; the more specific exceptions derive from it.
/// </summary>
public class ObjectStoreException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ObjectStoreException"/> class.</summary>
    public ObjectStoreException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public ObjectStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ObjectStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
