namespace Multiverse.Sdk.Python;

/// <summary>
/// The base of every error a Python call or script reports; catch a derived type to handle one kind of failure.
/// </summary>
public class PythonException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PythonException"/> class.</summary>
    public PythonException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public PythonException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
