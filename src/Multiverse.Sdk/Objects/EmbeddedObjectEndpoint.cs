using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Serves the embedded provider's presigned URLs: GET streams the object (honouring a single byte range and
/// <c>If-None-Match</c>, as S3 does), PUT stores the request body.
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
        HttpResponse response = context.Response;
        var options = new ObjectGetOptions
        {
            IfNoneMatch = context.Request.Headers.IfNoneMatch.FirstOrDefault(),
            Range = ReadRange(context.Request),
        };
        ObjectDownload download;
        try
        {
            download = await store.GetAsync(key, options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException)
        {
            long size = (await store.HeadAsync(key, context.RequestAborted).ConfigureAwait(false)).Size;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{size}");
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            return;
        }

        await using (download.ConfigureAwait(false))
        {
            response.Headers.ETag = download.ETag;
            if (download.IsNotModified)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            ObjectProperties properties = download.Properties!;
            response.ContentType = properties.ContentType;
            response.ContentLength = download.ContentLength;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.LastModified = properties.LastModified.ToString("R", CultureInfo.InvariantCulture);
            if (properties.CacheControl is not null)
            {
                response.Headers.CacheControl = properties.CacheControl;
            }

            if (download.Range is ObjectByteRange range)
            {
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = string.Create(
                    CultureInfo.InvariantCulture,
                    $"bytes {range.From}-{range.To}/{properties.Size}");
            }

            await download.Content.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a single <c>bytes=FROM-[TO]</c> range; anything else (suffix or multiple ranges) serves the whole object.
    /// </summary>
    private static ObjectByteRange? ReadRange(HttpRequest request)
    {
        RangeHeaderValue? header = request.GetTypedHeaders().Range;
        if (header is null
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || header.Ranges.Count != 1
            || header.Ranges.First() is not { From: long from } item
            || (item.To is long to && to < from))
        {
            return null;
        }

        return new ObjectByteRange(from, item.To);
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
