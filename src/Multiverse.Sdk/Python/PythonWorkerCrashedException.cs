namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when the worker running a call exited (<c>os._exit</c>, a segmentation fault, killed by the system).
/// The worker is replaced; calls queued behind the crashed one run on another worker.
/// </summary>
public sealed class PythonWorkerCrashedException : PythonException
{
    /// <summary>Initializes a new instance of the <see cref="PythonWorkerCrashedException"/> class.</summary>
    public PythonWorkerCrashedException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PythonWorkerCrashedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonWorkerCrashedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the worker's exit code and the end of its stderr.</summary>
    /// <param name="message">The message.</param>
    /// <param name="exitCode">The exit code; negative values are the signal that ended the process.</param>
    /// <param name="standardErrorTail">The last lines the worker wrote to stderr.</param>
    public PythonWorkerCrashedException(string message, int? exitCode, string standardErrorTail)
        : base(message)
    {
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>
    /// Gets the worker's exit code, or <see langword="null"/> when it could not be read; a process ended by a signal
    /// reports 128 plus the signal number (139 for a segmentation fault).
    /// </summary>
    public int? ExitCode { get; }

    /// <summary>Gets the last lines the worker wrote to stderr before it exited.</summary>
    public string StandardErrorTail { get; } = string.Empty;
}
