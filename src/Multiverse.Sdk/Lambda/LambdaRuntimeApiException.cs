using System.Net;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The Runtime API answered in a way that leaves the runtime nothing to do but exit, such as a 500
/// (container error) or an invocation without a request id.
/// </summary>
internal sealed class LambdaRuntimeApiException : Exception
{
    public LambdaRuntimeApiException()
    {
    }

    public LambdaRuntimeApiException(string message)
        : base(message)
    {
    }

    public LambdaRuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LambdaRuntimeApiException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode? StatusCode { get; }
}
