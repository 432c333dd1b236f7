namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when a worker cannot start: the interpreter fails, a warm-up module raises on import, or the worker
/// does not connect within <see cref="PythonOptions.StartTimeout"/>.
/// </summary>
public sealed class PythonWorkerStartException : PythonException
{
    /// <summary>Initializes a new instance of the <see cref="PythonWorkerStartException"/> class.</summary>
    public PythonWorkerStartException()
    {
    }

    /// <summary>Initializes a new instance with a message that names the problem and the fix.</summary>
    /// <param name="message">The message.</param>
    public PythonWorkerStartException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonWorkerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
