namespace Multiverse.Sdk.Python;

/// <summary>
/// Thrown when the Python function raised an exception. The worker stays alive and serves further calls.
/// </summary>
public sealed class PythonFunctionException : PythonException
{
    /// <summary>Initializes a new instance of the <see cref="PythonFunctionException"/> class.</summary>
    public PythonFunctionException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PythonFunctionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public PythonFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance from the exception Python reported.</summary>
    /// <param name="function">The function called, as <c>package.module:function</c>.</param>
    /// <param name="pythonType">The Python exception's type name, for example <c>ValueError</c>.</param>
    /// <param name="pythonMessage">The Python exception's message, <c>str(exception)</c>.</param>
    /// <param name="pythonTraceback">The formatted Python traceback.</param>
    public PythonFunctionException(string function, string pythonType, string pythonMessage, string pythonTraceback)
        : base($"Python function '{function}' raised {pythonType}: "
            + $"{pythonMessage}{Environment.NewLine}{pythonTraceback}")
    {
        Function = function;
        PythonType = pythonType;
        PythonMessage = pythonMessage;
        PythonTraceback = pythonTraceback;
    }

    /// <summary>Gets the function called, as <c>package.module:function</c>.</summary>
    public string Function { get; } = string.Empty;

    /// <summary>
    /// Gets the Python exception's type name: the bare name for built-ins (<c>ValueError</c>), otherwise
    /// qualified by its module (<c>pricing.rules.PricingError</c>).
    /// </summary>
    public string PythonType { get; } = string.Empty;

    /// <summary>Gets the Python exception's message, <c>str(exception)</c>.</summary>
    public string PythonMessage { get; } = string.Empty;

    /// <summary>Gets the formatted Python traceback, most recent call last.</summary>
    public string PythonTraceback { get; } = string.Empty;
}
