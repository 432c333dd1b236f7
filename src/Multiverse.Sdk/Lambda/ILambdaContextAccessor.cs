namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Gives code that runs inside a request, such as services resolved from dependency injection, the Lambda
/// invocation it belongs to. Registered by <c>AddLambdaHosting</c>.
/// </summary>
public interface ILambdaContextAccessor
{
    /// <summary>
    /// Gets the invocation being served on the current asynchronous flow, or <see langword="null"/> when the
    /// application runs on Kestrel or outside a request.
    /// </summary>
    ILambdaContext? LambdaContext { get; }
}
