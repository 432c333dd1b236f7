namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when a function's result is larger than <see cref="PythonOptions.MaxResultBytes"/>, or a one-shot
/// script writes more than that. The worker stays alive.
/// </summary>
public sealed class PythonResultTooLargeException : PythonInvalidResultException
{
    /// <summary>Initializes a new instance of the <see cref="PythonResultTooLargeException"/> class.</summary>
    public PythonResultTooLargeException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PythonResultTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonResultTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the sizes involved.</summary>
    /// <param name="message">The message.</param>
    /// <param name="size">The result's size in bytes.</param>
    /// <param name="limit">The configured maximum in bytes.</param>
    public PythonResultTooLargeException(string message, long size, long limit)
        : base(message)
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>Gets the result's size in bytes (at least this many for script output).</summary>
    public long Size { get; }

    /// <summary>Gets the configured maximum in bytes.</summary>
    public long Limit { get; }
}
