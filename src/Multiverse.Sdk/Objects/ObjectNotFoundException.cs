namespace Multiverse.Sdk.Objects;

/// <summary>
/// Thrown when no object has the key asked for.
/// </summary>
public sealed class ObjectNotFoundException : ObjectStoreException
{
    /// <summary>Initializes a new instance of the <see cref="ObjectNotFoundException"/> class.</summary>
    public ObjectNotFoundException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public ObjectNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ObjectNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
