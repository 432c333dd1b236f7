using Microsoft.AspNetCore.Http;

namespace Multiverse.Sdk.Lambda;

/// <summary>Reads the Lambda invocation from an <see cref="HttpContext"/>.</summary>
public static class LambdaHttpContextExtensions
{
    /// <summary>Gets the Lambda invocation that the request is served in.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The invocation, or <see langword="null"/> when the request came through Kestrel.</returns>
    public static ILambdaContext? GetLambdaContext(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Features.Get<ILambdaContext>();
    }
}
