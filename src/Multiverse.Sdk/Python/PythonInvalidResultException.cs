namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when a function's return value cannot be turned into JSON (a <c>set</c>, a <c>datetime</c>, <c>NaN</c>)
/// or its JSON does not fit the result type asked for. The worker stays alive.
/// </summary>
public class PythonInvalidResultException : PythonException
{
    /// <summary>Initializes a new instance of the <see cref="PythonInvalidResultException"/> class.</summary>
    public PythonInvalidResultException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PythonInvalidResultException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonInvalidResultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
