using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Serves the embedded provider's presigned URLs: GET streams the object, PUT stores the request body.
/// </summary>
internal static class EmbeddedObjectEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        HttpRequest request = context.Request;
        string bucketName = context.GetRouteValue("bucket") as string ?? string.Empty;
        string? key = request.Query["key"];
        string? refusal = services.GetRequiredService<EmbeddedPresigner>()
            .Check(request.Method, bucketName, key, request.Query["expires"], request.Query["signature"]);
        if (refusal is not null)
        {
            ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddedObjectEndpoint));
            ObjectsLog.PresignedRequestRefused(logger, request.Method, bucketName, refusal);
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, $"Access denied: {refusal}.")
                .ConfigureAwait(false);
            return;
        }

        EmbeddedObjectStore? store = services.GetRequiredService<ObjectStoreFactory>().FindEmbeddedStore(bucketName);
        if (store is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No embedded bucket '{bucketName}'.")
                .ConfigureAwait(false);
            return;
        }

        try
        {
            if (HttpMethods.IsPut(request.Method))
            {
                await PutAsync(context, store, key!).ConfigureAwait(false);
            }
            else
            {
                await GetAsync(context, store, key!).ConfigureAwait(false);
            }
        }
        catch (ObjectNotFoundException)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No object has the key '{key}'.")
                .ConfigureAwait(false);
        }
    }

    private static async Task GetAsync(HttpContext context, EmbeddedObjectStore store, string key)
    {
        await using ObjectDownload download = await store.GetAsync(key, cancellationToken: context.RequestAborted)
            .ConfigureAwait(false);
        ObjectProperties properties = download.Properties!;
        HttpResponse response = context.Response;
        response.ContentType = properties.ContentType;
        response.ContentLength = download.ContentLength;
        response.Headers.ETag = properties.ETag;
        response.Headers.LastModified = properties.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (properties.CacheControl is not null)
        {
            response.Headers.CacheControl = properties.CacheControl;
        }

        await download.Content.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task PutAsync(HttpContext context, EmbeddedObjectStore store, string key)
    {
        // The signature was checked, so the body is an object the URL's creator allowed; objects may be large.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var options = new ObjectPutOptions { ContentType = context.Request.ContentType };
        ObjectWriteResult result = await store.PutAsync(key, context.Request.Body, options, context.RequestAborted)
            .ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.ETag = result.ETag;
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
