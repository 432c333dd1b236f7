namespace Multiverse.Sdk.Python;

/// <summary>
/// Runs a Python script in a fresh process, for work that must not share a worker: one-off jobs, scripts that
/// change global state, or code that must start clean each time.
/// </summary>
public interface IPythonScriptRunner
{
    /// <summary>Runs a script to its end and captures what it wrote.</summary>
    /// <param name="scriptPath">
    /// The script's path; a relative path starts from the first folder of <see cref="PythonOptions.ModulePath"/>.
    /// </param>
    /// <param name="arguments">The script's command-line arguments, <c>sys.argv[1:]</c>.</param>
    /// <param name="standardInput">Text written to the script's stdin, which is then closed; none when null.</param>
    /// <param name="timeout">
    /// The longest the script may run before it is killed; defaults to <see cref="PythonOptions.CallTimeout"/>.
    /// </param>
    /// <param name="cancellationToken">Kills the script when cancelled.</param>
    /// <returns>The exit code and the captured stdout and stderr. A non-zero exit code is not an exception.</returns>
    /// <exception cref="PythonTimeoutException">The script ran longer than the timeout and was killed.</exception>
    /// <exception cref="PythonResultTooLargeException">
    /// The script wrote more than <see cref="PythonOptions.MaxResultBytes"/> to stdout or stderr and was killed.
    /// </exception>
    Task<PythonScriptResult> RunAsync(
        string scriptPath,
        IEnumerable<string>? arguments = null,
        string? standardInput = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default);
}
