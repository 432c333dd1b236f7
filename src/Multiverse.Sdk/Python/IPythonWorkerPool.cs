using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Calls Python functions in a pool of long-lived worker processes. Arguments and results travel as JSON: an
/// argument value that serializes to a JSON object is passed as keyword arguments, a JSON array as positional
/// arguments, <c>null</c> as no arguments, and any other value as the single positional argument.
/// </summary>
public interface IPythonWorkerPool
{
    /// <summary>
    /// Calls a Python function with types described by source-generated JSON metadata; safe for trimming and
    /// native AOT.
    /// </summary>
    /// <typeparam name="TArguments">The arguments' type.</typeparam>
    /// <typeparam name="TResult">The result's type.</typeparam>
    /// <param name="functionName">
    /// The function, as <c>package.module:function</c> (or <c>module:Class.method</c>).
    /// </param>
    /// <param name="arguments">The arguments; see the type's remarks for how they map to Python parameters.</param>
    /// <param name="argumentsType">The JSON metadata of <typeparamref name="TArguments"/>.</param>
    /// <param name="resultType">The JSON metadata of <typeparamref name="TResult"/>.</param>
    /// <param name="cancellationToken">
    /// Cancels the call: a waiting call is dropped, a running call's worker is killed and replaced.
    /// </param>
    /// <returns>The function's result; <see langword="default"/> when Python returned <c>None</c>.</returns>
    /// <exception cref="PythonFunctionException">The function raised an exception.</exception>
    /// <exception cref="PythonTimeoutException">
    /// The call ran longer than <see cref="PythonOptions.CallTimeout"/>.
    /// </exception>
    /// <exception cref="PythonWorkerCrashedException">The worker exited while running the call.</exception>
    /// <exception cref="PythonInvalidResultException">The result is not JSON or does not fit the type.</exception>
    /// <exception cref="PythonResultTooLargeException">
    /// The result is over <see cref="PythonOptions.MaxResultBytes"/>.
    /// </exception>
    /// <exception cref="PythonWorkerStartException">No worker could be started.</exception>
    Task<TResult> CallAsync<TArguments, TResult>(
        string functionName,
        TArguments arguments,
        JsonTypeInfo<TArguments> argumentsType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken);

    /// <summary>
    /// Calls a Python function, serializing with reflection: property names become <c>snake_case</c>
    /// (<c>UnitPrice</c> is <c>unit_price</c>), dictionary keys stay as written, and result properties match
    /// case-insensitively.
    /// </summary>
    /// <typeparam name="TResult">The result's type.</typeparam>
    /// <param name="functionName">
    /// The function, as <c>package.module:function</c> (or <c>module:Class.method</c>).
    /// </param>
    /// <param name="arguments">
    /// The arguments, for example <c>new { a = 1, b = 2 }</c> for keyword arguments or <c>new object[] { 1, 2 }</c>
    /// for positional ones; <see langword="null"/> for none.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels the call: a waiting call is dropped, a running call's worker is killed and replaced.
    /// </param>
    /// <returns>The function's result; <see langword="default"/> when Python returned <c>None</c>.</returns>
    /// <exception cref="PythonFunctionException">The function raised an exception.</exception>
    /// <exception cref="PythonTimeoutException">
    /// The call ran longer than <see cref="PythonOptions.CallTimeout"/>.
    /// </exception>
    /// <exception cref="PythonWorkerCrashedException">The worker exited while running the call.</exception>
    /// <exception cref="PythonInvalidResultException">The result is not JSON or does not fit the type.</exception>
    /// <exception cref="PythonResultTooLargeException">
    /// The result is over <see cref="PythonOptions.MaxResultBytes"/>.
    /// </exception>
    /// <exception cref="PythonWorkerStartException">No worker could be started.</exception>
    [RequiresUnreferencedCode("Reflection-based JSON serialization; use the overload that takes JsonTypeInfo.")]
    [RequiresDynamicCode("Reflection-based JSON serialization; use the overload that takes JsonTypeInfo.")]
    Task<TResult> CallAsync<TResult>(string functionName, object? arguments, CancellationToken cancellationToken);
}
