namespace Multiverse.Sdk.Python;

/// <summary>What a one-shot Python script did: its exit code and everything it wrote.</summary>
public sealed class PythonScriptResult
{
    /// <summary>Initializes a new instance of the <see cref="PythonScriptResult"/> class.</summary>
    /// <param name="exitCode">The process's exit code.</param>
    /// <param name="standardOutput">What the script wrote to stdout, decoded as UTF-8.</param>
    /// <param name="standardError">What the script wrote to stderr, decoded as UTF-8.</param>
    /// <param name="duration">How long the process ran.</param>
    public PythonScriptResult(int exitCode, string standardOutput, string standardError, TimeSpan duration)
    {
        ExitCode = exitCode;
        StandardOutput = standardOutput;
        StandardError = standardError;
        Duration = duration;
    }

    /// <summary>Gets the process's exit code: 0 for success, 1 for an uncaught exception.</summary>
    public int ExitCode { get; }

    /// <summary>Gets what the script wrote to stdout, decoded as UTF-8.</summary>
    public string StandardOutput { get; }

    /// <summary>Gets what the script wrote to stderr (including a traceback), decoded as UTF-8.</summary>
    public string StandardError { get; }

    /// <summary>Gets how long the process ran, start-up included.</summary>
    public TimeSpan Duration { get; }
}
