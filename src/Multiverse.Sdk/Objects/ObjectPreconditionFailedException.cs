namespace Multiverse.Sdk.Objects;

/// <summary>
/// Thrown when a write with <see cref="ObjectPutOptions.IfMatch"/> finds the object changed (another ETag) or gone.
/// </summary>
public sealed class ObjectPreconditionFailedException : ObjectStoreException
{
    /// <summary>Initializes a new instance of the <see cref="ObjectPreconditionFailedException"/> class.</summary>
    public ObjectPreconditionFailedException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public ObjectPreconditionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ObjectPreconditionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
