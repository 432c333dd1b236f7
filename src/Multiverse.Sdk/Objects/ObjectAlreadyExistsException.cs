namespace Multiverse.Sdk.Objects;

/// <summary>
/// Thrown when a write with <see cref="ObjectPutOptions.CreateOnly"/> finds an object with the key already.
/// </summary>
public sealed class ObjectAlreadyExistsException : ObjectStoreException
{
    /// <summary>Initializes a new instance of the <see cref="ObjectAlreadyExistsException"/> class.</summary>
    public ObjectAlreadyExistsException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public ObjectAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ObjectAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
