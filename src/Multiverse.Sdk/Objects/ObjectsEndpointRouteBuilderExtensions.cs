using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Multiverse.Sdk.Objects;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the endpoint that serves the embedded object store's presigned URLs: <c>app.MapMultiverseObjects()</c>.
/// </summary>
public static class ObjectsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET and PUT on <paramref name="pattern"/><c>/{bucket}</c>, which serve the embedded provider's presigned
    /// URLs after checking their signature and expiry. With the S3 provider, S3 serves presigned URLs and this
    /// endpoint answers 404, so mapping it unconditionally is safe.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder, usually the <c>WebApplication</c>.</param>
    /// <param name="pattern">The path the endpoint is mapped at.</param>
    /// <returns>A builder to add conventions, such as rate limiting, to the endpoint.</returns>
    public static IEndpointConventionBuilder MapMultiverseObjects(
        this IEndpointRouteBuilder endpoints,
        string pattern = EmbeddedPresigner.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        EmbeddedPresigner presigner = endpoints.ServiceProvider.GetService<EmbeddedPresigner>()
            ?? throw new InvalidOperationException(
                "MapMultiverseObjects needs the object store: call builder.AddMultiverse().AddObjects() first.");

        string path = "/" + pattern.Trim('/');
        presigner.EndpointPath = path;
        return endpoints.MapMethods(path + "/{bucket}", ["GET", "PUT"], EmbeddedObjectEndpoint.HandleAsync);
    }
}
