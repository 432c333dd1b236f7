namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when a call ran longer than <see cref="PythonOptions.CallTimeout"/>, or a one-shot script longer than
/// its timeout. The worker was killed and is replaced; other calls are not affected.
/// </summary>
public sealed class PythonTimeoutException : PythonException
{
    /// <summary>Initializes a new instance of the <see cref="PythonTimeoutException"/> class.</summary>
    public PythonTimeoutException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PythonTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance that names what timed out and the limit.</summary>
    /// <param name="message">The message.</param>
    /// <param name="timeout">The limit that was exceeded.</param>
    public PythonTimeoutException(string message, TimeSpan timeout)
        : base(message)
    {
        Timeout = timeout;
    }

    /// <summary>Gets the limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
