using System.Buffers;
using System.Net;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// One streamed multipart upload. Memory stays bounded: at most <see cref="MultipartUploadOptions.MaxConcurrentParts"/>
/// part buffers, rented from the store's array pool, exist at a time; the stream is only read when a buffer is free.
/// Any failure or cancellation aborts the upload so that S3 keeps no orphaned parts.
/// </summary>
internal sealed class S3MultipartUpload
{
    private const int MaxParts = 10_000;

    private readonly S3ObjectStore _store;
    private readonly string _key;
    private readonly ObjectPutOptions _options;
    private readonly MultipartUploadOptions _settings;
    private readonly int _partSize;
    private readonly ArrayPool<byte> _buffers;
    private readonly List<PartETag> _completedParts = [];
    private readonly Lock _completedPartsLock = new();

    public S3MultipartUpload(
        S3ObjectStore store,
        string key,
        ObjectPutOptions options,
        MultipartUploadOptions settings,
        long? length)
    {
        _store = store;
        _key = key;
        _options = options;
        _settings = settings;
        _partSize = ChoosePartSize(settings.PartSize, length);

        // Parts larger than configured (very long streams of known length) cannot reuse the store's buffers.
        _buffers = _partSize <= settings.PartSize ? store.PartBuffers : ArrayPool<byte>.Shared;
    }

    public async Task<ObjectWriteResult> RunAsync(Stream content, CancellationToken cancellationToken)
    {
        byte[] firstBuffer = _buffers.Rent(_partSize);
        int firstCount;
        try
        {
            firstCount = await content.ReadAtLeastAsync(
                firstBuffer.AsMemory(0, _partSize),
                _partSize,
                throwOnEndOfStream: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _buffers.Return(firstBuffer);
            throw;
        }

        // A stream of unknown length that fits in one part is cheaper as a single request.
        if (firstCount < _partSize && !content.CanSeek)
        {
            try
            {
                using var single = new MemoryStream(firstBuffer, 0, firstCount, writable: false);
                return await _store.PutSingleAsync(_key, single, _options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _buffers.Return(firstBuffer);
            }
        }

        if (_options.CreateOnly)
        {
            await ThrowIfExistsAsync(firstBuffer, cancellationToken).ConfigureAwait(false);
        }

        string uploadId;
        try
        {
            InitiateMultipartUploadResponse initiated = await _store.Client
                .InitiateMultipartUploadAsync(_store.CreateInitiateRequest(_key, _options), cancellationToken)
                .ConfigureAwait(false);
            uploadId = initiated.UploadId;
        }
        catch (AmazonS3Exception exception)
        {
            _buffers.Return(firstBuffer);
            throw _store.Translate(exception, _key, _options);
        }
        catch
        {
            _buffers.Return(firstBuffer);
            throw;
        }

        ObjectsLog.MultipartUploadStarted(_store.Logger, _store.BucketName, _key, _partSize);
        string? etag;
        try
        {
            await UploadPartsAsync(uploadId, content, firstBuffer, firstCount, cancellationToken).ConfigureAwait(false);
            etag = await CompleteAsync(uploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await AbortAsync(uploadId).ConfigureAwait(false);
            if (exception is AmazonS3Exception s3Exception)
            {
                throw _store.Translate(s3Exception, _key, _options);
            }

            throw;
        }

        // Some S3-compatible servers (Ceph's radosgw among them) leave the ETag out of the completion response.
        if (string.IsNullOrEmpty(etag))
        {
            etag = (await _store.HeadAsync(_key, cancellationToken).ConfigureAwait(false)).ETag;
        }

        return new ObjectWriteResult(_key, etag);
    }

    private async Task UploadPartsAsync(
        string uploadId,
        Stream content,
        byte[] firstBuffer,
        int firstCount,
        CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var freeBuffers = new SemaphoreSlim(_settings.MaxConcurrentParts - 1, _settings.MaxConcurrentParts);
        var uploads = new List<Task>();
        byte[]? buffer = firstBuffer;
        int count = firstCount;
        int partNumber = 1;
        try
        {
            while (true)
            {
                bool lastPart = count < _partSize;
                uploads.Add(UploadPartAsync(uploadId, partNumber, buffer, count, freeBuffers, failure));
                buffer = null;
                if (lastPart)
                {
                    break;
                }

                await freeBuffers.WaitAsync(failure.Token).ConfigureAwait(false);
                buffer = _buffers.Rent(_partSize);
                count = await content.ReadAtLeastAsync(
                    buffer.AsMemory(0, _partSize),
                    _partSize,
                    throwOnEndOfStream: false,
                    failure.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                partNumber++;
                if (partNumber > MaxParts)
                {
                    throw new ObjectStoreException(
                        $"The stream for '{_key}' is longer than {MaxParts} parts of {_partSize} bytes, the most S3 "
                        + "accepts. Raise Multiverse:Objects:Multipart:PartSize, or pass a seekable stream so the "
                        + "part size can follow its length.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reading stops with a cancellation when a part fails; the part's error is the one worth reporting.
            await ThrowFirstPartErrorAsync(uploads).ConfigureAwait(false);
            throw;
        }
        catch
        {
            await failure.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(uploads).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        finally
        {
            if (buffer is not null)
            {
                _buffers.Return(buffer);
            }
        }

        await ThrowFirstPartErrorAsync(uploads).ConfigureAwait(false);
    }

    private static async Task ThrowFirstPartErrorAsync(List<Task> uploads)
    {
        await Task.WhenAll(uploads).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Exception[] errors = uploads
            .Where(upload => upload.IsFaulted || upload.IsCanceled)
            .Select(upload => upload.Exception?.InnerException ?? new OperationCanceledException())
            .ToArray();
        Exception? first = errors.FirstOrDefault(error => error is not OperationCanceledException)
            ?? errors.FirstOrDefault();
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    private async Task UploadPartAsync(
        string uploadId,
        int partNumber,
        byte[] buffer,
        int count,
        SemaphoreSlim freeBuffers,
        CancellationTokenSource failure)
    {
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    using var body = new MemoryStream(buffer, 0, count, writable: false);
                    var request = new UploadPartRequest
                    {
                        BucketName = _store.BucketName,
                        Key = _key,
                        UploadId = uploadId,
                        PartNumber = partNumber,
                        PartSize = count,
                        InputStream = body,
                    };
                    UploadPartResponse response = await _store.Client.UploadPartAsync(request, failure.Token)
                        .ConfigureAwait(false);
                    lock (_completedPartsLock)
                    {
                        _completedParts.Add(new PartETag(partNumber, response.ETag));
                    }

                    return;
                }
                catch (Exception exception)
                    when (attempt < _settings.PartAttempts && IsTransient(exception, failure.Token))
                {
                    ObjectsLog.PartRetried(
                        _store.Logger,
                        exception,
                        _store.BucketName,
                        _key,
                        partNumber,
                        attempt,
                        _settings.PartAttempts);
                    TimeSpan backoff = TimeSpan.FromMilliseconds(100 * (1 << attempt));
                    await Task.Delay(backoff, failure.Token).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // One failed part dooms the upload: stop reading the stream and the other parts at once.
            await failure.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _buffers.Return(buffer);
            freeBuffers.Release();
        }
    }

    private async Task<string?> CompleteAsync(string uploadId, CancellationToken cancellationToken)
    {
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = _store.BucketName,
            Key = _key,
            UploadId = uploadId,
            PartETags = _completedParts.OrderBy(part => part.PartNumber).ToList(),
            IfNoneMatch = _options.CreateOnly ? "*" : null,
            IfMatch = _store.ConditionalETag(_options.IfMatch),
        };
        CompleteMultipartUploadResponse response = await _store.Client
            .CompleteMultipartUploadAsync(request, cancellationToken)
            .ConfigureAwait(false);
        ObjectsLog.MultipartUploadCompleted(_store.Logger, _store.BucketName, _key, request.PartETags.Count);
        return response.ETag;
    }

    private async Task AbortAsync(string uploadId)
    {
        try
        {
            // The caller's token may be the reason for the abort, so the abort itself must not observe it.
            await _store.Client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _store.BucketName, Key = _key, UploadId = uploadId },
                CancellationToken.None).ConfigureAwait(false);
            ObjectsLog.MultipartUploadAborted(_store.Logger, _store.BucketName, _key);
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or IOException
            or HttpRequestException)
        {
            ObjectsLog.MultipartAbortFailed(_store.Logger, exception, _store.BucketName, _key, uploadId);
        }
    }

    /// <summary>
    /// S3-compatible servers may ignore <c>If-None-Match</c> on completion, so a create-only upload checks first
    /// and fails before sending gigabytes; the header still guards the race on servers that honour it.
    /// </summary>
    private async Task ThrowIfExistsAsync(byte[] firstBuffer, CancellationToken cancellationToken)
    {
        bool exists;
        try
        {
            exists = await _store.ExistsAsync(_key, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _buffers.Return(firstBuffer);
            throw;
        }

        if (exists)
        {
            _buffers.Return(firstBuffer);
            throw new ObjectAlreadyExistsException(
                $"An object with the key '{_key}' already exists in bucket '{_store.BucketName}', and the write asked "
                + "to create it only. Choose another key, or write without CreateOnly to replace it.");
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return exception switch
        {
            AmazonServiceException service => (int)service.StatusCode >= 500
                || service.StatusCode == HttpStatusCode.TooManyRequests
                || service.StatusCode == HttpStatusCode.RequestTimeout,
            AmazonClientException or IOException or HttpRequestException or TimeoutException => true,
            OperationCanceledException => true,
            _ => false,
        };
    }

    private static int ChoosePartSize(int configured, long? length)
    {
        if (length is not long known || (known + configured - 1) / configured <= MaxParts)
        {
            return configured;
        }

        // Round up to whole MiB so that 10,000 parts cover the stream.
        const long MiB = 1024 * 1024;
        long needed = (known + MaxParts - 1) / MaxParts;
        return (int)Math.Min(Array.MaxLength, (needed + MiB - 1) / MiB * MiB);
    }
}
