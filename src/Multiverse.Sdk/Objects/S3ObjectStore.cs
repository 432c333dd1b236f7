using System.Buffers;
using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// An object store backed by an S3 bucket, through the application's shared <see cref="IAmazonS3"/> client.
/// </summary>
internal sealed class S3ObjectStore : ObjectStoreBase
{
    private const string MetadataPrefix = "x-amz-meta-";
    private const string DefaultContentType = "application/octet-stream";

    private readonly IAmazonS3 _s3;
    private readonly MultipartUploadOptions _multipart;
    private readonly ILogger _logger;

    public S3ObjectStore(
        string storeName,
        string bucketName,
        IAmazonS3 s3,
        MultipartUploadOptions multipart,
        ILogger logger)
        : base(storeName, bucketName)
    {
        _s3 = s3;
        _multipart = multipart;
        _logger = logger;

        // A pool of the store's own, rather than the shared one, so the buffers kept between uploads are exactly
        // the few a single upload needs: the shared pool caches arrays per thread and per core, which for parts of
        // several MiB adds up to far more memory than the uploads themselves use.
        PartBuffers = ArrayPool<byte>.Create(multipart.PartSize, multipart.MaxConcurrentParts);
    }

    protected override async Task<ObjectWriteResult> PutCoreAsync(
        string key,
        Stream content,
        ObjectPutOptions options,
        CancellationToken cancellationToken)
    {
        long? length = content.CanSeek ? content.Length - content.Position : null;
        if (length is long knownLength && knownLength < _multipart.Threshold)
        {
            return await PutSingleAsync(key, content, options, cancellationToken).ConfigureAwait(false);
        }

        var upload = new S3MultipartUpload(this, key, options, _multipart, length);
        return await upload.RunAsync(content, cancellationToken).ConfigureAwait(false);
    }

    internal IAmazonS3 Client => _s3;

    internal ArrayPool<byte> PartBuffers { get; }

    internal ILogger Logger => _logger;

    internal async Task<ObjectWriteResult> PutSingleAsync(
        string key,
        Stream content,
        ObjectPutOptions options,
        CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = BucketName,
            Key = key,
            InputStream = content,
            AutoCloseStream = false,

            // The object is the rest of the stream from where the caller left it, as with the embedded provider.
            AutoResetStreamPosition = false,
            ContentType = options.ContentType ?? DefaultContentType,
            IfNoneMatch = options.CreateOnly ? "*" : null,
            IfMatch = ConditionalETag(options.IfMatch),
        };
        request.Headers.CacheControl = options.CacheControl;
        AddMetadata(request.Metadata, options.Metadata);

        request.ServerSideEncryptionMethod = ToS3(options.Encryption);
        request.ServerSideEncryptionKeyManagementServiceKeyId = options.KmsKeyId;
        try
        {
            PutObjectResponse response = await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return new ObjectWriteResult(key, response.ETag);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, key, options);
        }
    }

    /// <summary>
    /// AWS accepts a quoted ETag in <c>If-Match</c> on writes, as HTTP prescribes; Ceph's radosgw compares the
    /// header with its unquoted ETag. So the quotes are dropped against a custom endpoint and kept against AWS.
    /// </summary>
    internal string? ConditionalETag(string? etag) =>
        etag is not null && _s3.Config.ServiceURL is not null ? etag.Trim('"') : etag;

    internal InitiateMultipartUploadRequest CreateInitiateRequest(string key, ObjectPutOptions options)
    {
        var request = new InitiateMultipartUploadRequest
        {
            BucketName = BucketName,
            Key = key,
            ContentType = options.ContentType ?? DefaultContentType,
            ServerSideEncryptionMethod = ToS3(options.Encryption),
            ServerSideEncryptionKeyManagementServiceKeyId = options.KmsKeyId,
        };
        request.Headers.CacheControl = options.CacheControl;
        AddMetadata(request.Metadata, options.Metadata);

        return request;
    }

    protected override async Task<ObjectDownload> GetCoreAsync(
        string key,
        ObjectGetOptions options,
        CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = BucketName,
            Key = key,
            EtagToNotMatch = options.IfNoneMatch,
        };
        if (options.Range is ObjectByteRange range)
        {
            request.ByteRange = range.To is long to
                ? new ByteRange(range.From, to)
                : new ByteRange(string.Create(CultureInfo.InvariantCulture, $"bytes={range.From}-"));
        }

        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotModified)
        {
            return ObjectDownload.NotModified(options.IfNoneMatch!);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, key, put: null);
        }

        long contentLength = response.ContentLength;
        (ObjectByteRange? returned, long size) = ParseContentRange(response.ContentRange, contentLength);
        ObjectProperties properties = ToProperties(
            key,
            size,
            response.ETag,
            response.Headers,
            response.LastModified,
            response.Metadata,
            response.ServerSideEncryptionMethod,
            response.ServerSideEncryptionKeyManagementServiceKeyId);
        return new ObjectDownload(response.ETag, properties, response.ResponseStream, contentLength, returned);
    }

    protected override async Task<ObjectProperties> HeadCoreAsync(string key, CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse response;
        try
        {
            response = await _s3.GetObjectMetadataAsync(BucketName, key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, key, put: null);
        }

        return ToProperties(
            key,
            response.ContentLength,
            response.ETag,
            response.Headers,
            response.LastModified,
            response.Metadata,
            response.ServerSideEncryptionMethod,
            response.ServerSideEncryptionKeyManagementServiceKeyId);
    }

    protected override async Task DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.DeleteObjectAsync(BucketName, key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, key, put: null);
        }
    }

    protected override async Task DeleteBatchCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var request = new DeleteObjectsRequest
        {
            BucketName = BucketName,
            Quiet = true,
            Objects = keys.Select(key => new KeyVersion { Key = key }).ToList(),
        };
        List<DeleteError>? errors;
        try
        {
            DeleteObjectsResponse response = await _s3.DeleteObjectsAsync(request, cancellationToken)
                .ConfigureAwait(false);
            errors = response.DeleteErrors;
        }
        catch (DeleteObjectsException exception)
        {
            errors = exception.Response.DeleteErrors;
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, keys[0], put: null);
        }

        if (errors is { Count: > 0 })
        {
            IEnumerable<string> firstErrors = errors
                .Take(10)
                .Select(error => $"'{error.Key}' ({error.Code}: {error.Message})");
            string failed = string.Join(", ", firstErrors);
            throw new ObjectStoreException(
                $"{errors.Count} of {keys.Count} objects in bucket '{BucketName}' could not be deleted: {failed}. "
                + "Check the role's s3:DeleteObject permission and retry.");
        }
    }

    protected override async Task<ObjectWriteResult> CopyCoreAsync(
        string sourceKey,
        string destinationKey,
        ObjectCopyOptions options,
        CancellationToken cancellationToken)
    {
        var request = new CopyObjectRequest
        {
            SourceBucket = BucketName,
            SourceKey = sourceKey,
            DestinationBucket = BucketName,
            DestinationKey = destinationKey,
            MetadataDirective = options.ReplaceMetadata ? S3MetadataDirective.REPLACE : S3MetadataDirective.COPY,
        };
        if (options.ReplaceMetadata)
        {
            request.ContentType = options.ContentType ?? DefaultContentType;
            request.Headers.CacheControl = options.CacheControl;
            AddMetadata(request.Metadata, options.Metadata);
        }

        try
        {
            CopyObjectResponse response = await _s3.CopyObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return new ObjectWriteResult(destinationKey, response.ETag);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, sourceKey, put: null);
        }
    }

    protected override async Task<ObjectListPage> ListPageCoreAsync(
        ObjectListRequest request,
        CancellationToken cancellationToken)
    {
        var listRequest = new ListObjectsV2Request
        {
            BucketName = BucketName,
            Prefix = request.Prefix,
            Delimiter = request.Delimiter,
            ContinuationToken = request.PageToken,
            MaxKeys = request.PageSize,
        };
        ListObjectsV2Response response;
        try
        {
            response = await _s3.ListObjectsV2Async(listRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception)
        {
            throw Translate(exception, request.Prefix ?? string.Empty, put: null);
        }

        List<ObjectSummary> objects = (response.S3Objects ?? [])
            .Select(item => new ObjectSummary
            {
                Key = item.Key,
                Size = item.Size ?? 0,
                ETag = item.ETag,
                LastModified = ToOffset(item.LastModified),
            })
            .ToList();
        List<string> prefixes = response.CommonPrefixes ?? [];
        string? next = response.IsTruncated == true ? response.NextContinuationToken : null;
        return new ObjectListPage(objects, prefixes, next);
    }

    protected override async Task<Uri> CreatePresignedUrlCoreAsync(
        string key,
        HttpMethod method,
        TimeSpan expiresIn,
        CancellationToken cancellationToken)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = BucketName,
            Key = key,
            Verb = method == HttpMethod.Put ? HttpVerb.PUT : HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(expiresIn),
        };

        // The SDK signs https URLs unless told otherwise; a local S3-compatible server usually speaks plain http.
        if (_s3.Config.ServiceURL is { } serviceUrl
            && serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            request.Protocol = Protocol.HTTP;
        }

        cancellationToken.ThrowIfCancellationRequested();
        string url = await _s3.GetPreSignedURLAsync(request).ConfigureAwait(false);
        return new Uri(url);
    }

    internal Exception Translate(AmazonS3Exception exception, string key, ObjectPutOptions? put)
    {
        string code = exception.ErrorCode ?? string.Empty;
        if (code == "NoSuchBucket")
        {
            return new ObjectStoreException(
                $"Bucket '{BucketName}' of object store '{StoreName}' does not exist. Create it (for example with "
                + $"Terraform) or correct Multiverse:Objects:Buckets:{StoreName}.",
                exception);
        }

        if (exception.StatusCode == HttpStatusCode.NotFound && put?.IfMatch is null)
        {
            return new ObjectNotFoundException($"No object has the key '{key}' in bucket '{BucketName}'.", exception);
        }

        if (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict
            || (exception.StatusCode == HttpStatusCode.NotFound && put?.IfMatch is not null))
        {
            if (put is { CreateOnly: true })
            {
                return new ObjectAlreadyExistsException(
                    $"An object with the key '{key}' already exists in bucket '{BucketName}', and the write asked to "
                    + "create it only. Choose another key, or write without CreateOnly to replace it.",
                    exception);
            }

            if (put?.IfMatch is not null)
            {
                return new ObjectPreconditionFailedException(
                    $"The object '{key}' in bucket '{BucketName}' no longer has ETag {put.IfMatch}: it was changed or "
                    + "deleted since it was read. Read it again and retry the write with the new ETag.",
                    exception);
            }
        }

        if (exception.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return new ArgumentOutOfRangeException(
                $"The byte range asked of '{key}' starts after the end of the object. "
                + "Read its size with HeadAsync first.",
                exception);
        }

        return new ObjectStoreException(
            $"S3 refused the request for '{key}' in bucket '{BucketName}' with {(int)exception.StatusCode} {code}: "
            + $"{exception.Message}",
            exception);
    }

    private static void AddMetadata(MetadataCollection target, IDictionary<string, string> metadata)
    {
        foreach (KeyValuePair<string, string> entry in metadata)
        {
            target.Add(entry.Key.ToLowerInvariant(), entry.Value);
        }
    }

    private static ObjectProperties ToProperties(
        string key,
        long size,
        string etag,
        HeadersCollection headers,
        DateTime? lastModified,
        MetadataCollection metadata,
        ServerSideEncryptionMethod? encryption,
        string? kmsKeyId) => new()
        {
            Key = key,
            Size = size,
            ETag = etag,
            ContentType = headers.ContentType ?? DefaultContentType,
            CacheControl = headers.CacheControl,
            LastModified = ToOffset(lastModified),
            Metadata = ReadMetadata(metadata),
            Encryption = FromS3(encryption),
            KmsKeyId = kmsKeyId,
        };

    private static (ObjectByteRange? Range, long Size) ParseContentRange(string? contentRange, long contentLength)
    {
        // The header reads "bytes FIRST-LAST/SIZE".
        if (string.IsNullOrEmpty(contentRange) || !contentRange.StartsWith("bytes ", StringComparison.Ordinal))
        {
            return (null, contentLength);
        }

        string[] parts = contentRange["bytes ".Length..].Split('-', '/');
        long first = long.Parse(parts[0], CultureInfo.InvariantCulture);
        long last = long.Parse(parts[1], CultureInfo.InvariantCulture);
        long size = parts[2] == "*" ? last + 1 : long.Parse(parts[2], CultureInfo.InvariantCulture);
        return (new ObjectByteRange(first, last), size);
    }

    private static Dictionary<string, string> ReadMetadata(MetadataCollection metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in metadata.Keys)
        {
            string shortName = name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase)
                ? name[MetadataPrefix.Length..]
                : name;
            result[shortName.ToLowerInvariant()] = metadata[name];
        }

        return result;
    }

    private static DateTimeOffset ToOffset(DateTime? value) =>
        value is DateTime time ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    private static ServerSideEncryptionMethod? ToS3(ObjectEncryption encryption) => encryption switch
    {
        ObjectEncryption.S3Managed => ServerSideEncryptionMethod.AES256,
        ObjectEncryption.Kms => ServerSideEncryptionMethod.AWSKMS,
        _ => null,
    };

    private static ObjectEncryption FromS3(ServerSideEncryptionMethod? method)
    {
        if (method == ServerSideEncryptionMethod.AWSKMS)
        {
            return ObjectEncryption.Kms;
        }

        return method == ServerSideEncryptionMethod.AES256 ? ObjectEncryption.S3Managed : ObjectEncryption.None;
    }
}
