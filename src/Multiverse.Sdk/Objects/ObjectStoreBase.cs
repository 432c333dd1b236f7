using System.Runtime.CompilerServices;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Checks arguments the same way for every provider, so both reject the same bad input with the same errors.
/// </summary>
internal abstract class ObjectStoreBase : IObjectStore
{
    private const int DeleteBatchSize = 1000;

    private static readonly TimeSpan s_maxPresignedExpiry = TimeSpan.FromDays(7);

    protected ObjectStoreBase(string storeName, string bucketName)
    {
        StoreName = storeName;
        BucketName = bucketName;
    }

    public string StoreName { get; }

    public string BucketName { get; }

    public Task<ObjectWriteResult> PutAsync(
        string key,
        Stream content,
        ObjectPutOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream cannot be read. Pass a readable stream.", nameof(content));
        }

        options ??= new ObjectPutOptions();
        if (options.CreateOnly && options.IfMatch is not null)
        {
            throw new ArgumentException(
                "CreateOnly and IfMatch exclude each other: an object cannot both be missing and have an ETag. "
                + "Set one of them.",
                nameof(options));
        }

        if (options.KmsKeyId is not null && options.Encryption != ObjectEncryption.Kms)
        {
            throw new ArgumentException(
                "KmsKeyId is set but Encryption is not Kms. Set Encryption to ObjectEncryption.Kms or clear KmsKeyId.",
                nameof(options));
        }

        return PutCoreAsync(key, content, options, cancellationToken);
    }

    public Task<ObjectDownload> GetAsync(
        string key,
        ObjectGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        return GetCoreAsync(key, options ?? new ObjectGetOptions(), cancellationToken);
    }

    public Task<ObjectProperties> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        return HeadCoreAsync(key, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await HeadAsync(key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        return DeleteCoreAsync(key, cancellationToken);
    }

    public async Task DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        List<string> all = keys.Distinct(StringComparer.Ordinal).ToList();
        all.ForEach(ValidateKey);
        foreach (string[] batch in all.Chunk(DeleteBatchSize))
        {
            await DeleteBatchCoreAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ObjectWriteResult> CopyAsync(
        string sourceKey,
        string destinationKey,
        ObjectCopyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(sourceKey);
        ValidateKey(destinationKey);
        options ??= new ObjectCopyOptions();
        if (sourceKey == destinationKey && !options.ReplaceMetadata)
        {
            throw new ArgumentException(
                $"Copying '{sourceKey}' onto itself changes nothing. Set ReplaceMetadata to change its metadata.",
                nameof(destinationKey));
        }

        return CopyCoreAsync(sourceKey, destinationKey, options, cancellationToken);
    }

    public Task<ObjectListPage> ListPageAsync(ObjectListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PageSize is < 1 or > ObjectListRequest.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request),
                request.PageSize,
                $"PageSize must be between 1 and {ObjectListRequest.MaxPageSize}.");
        }

        if (request.Delimiter is { Length: 0 })
        {
            throw new ArgumentException("Delimiter is empty. Leave it null for a flat listing.", nameof(request));
        }

        return ListPageCoreAsync(request, cancellationToken);
    }

    public async IAsyncEnumerable<ObjectSummary> ListAsync(
        string? prefix = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ObjectListRequest { Prefix = prefix };
        do
        {
            ObjectListPage page = await ListPageAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (ObjectSummary summary in page.Objects)
            {
                yield return summary;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken is not null);
    }

    public Task<Uri> CreatePresignedGetUrlAsync(
        string key,
        TimeSpan expiresIn,
        CancellationToken cancellationToken = default)
    {
        ValidatePresign(key, expiresIn);
        return CreatePresignedUrlCoreAsync(key, HttpMethod.Get, expiresIn, cancellationToken);
    }

    public Task<Uri> CreatePresignedPutUrlAsync(
        string key,
        TimeSpan expiresIn,
        CancellationToken cancellationToken = default)
    {
        ValidatePresign(key, expiresIn);
        return CreatePresignedUrlCoreAsync(key, HttpMethod.Put, expiresIn, cancellationToken);
    }

    protected virtual void ValidateKey(string key) => ObjectKeys.Validate(key);

    protected abstract Task<ObjectWriteResult> PutCoreAsync(
        string key,
        Stream content,
        ObjectPutOptions options,
        CancellationToken cancellationToken);

    protected abstract Task<ObjectDownload> GetCoreAsync(
        string key,
        ObjectGetOptions options,
        CancellationToken cancellationToken);

    protected abstract Task<ObjectProperties> HeadCoreAsync(string key, CancellationToken cancellationToken);

    protected abstract Task DeleteCoreAsync(string key, CancellationToken cancellationToken);

    protected abstract Task DeleteBatchCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    protected abstract Task<ObjectWriteResult> CopyCoreAsync(
        string sourceKey,
        string destinationKey,
        ObjectCopyOptions options,
        CancellationToken cancellationToken);

    protected abstract Task<ObjectListPage> ListPageCoreAsync(
        ObjectListRequest request,
        CancellationToken cancellationToken);

    protected abstract Task<Uri> CreatePresignedUrlCoreAsync(
        string key,
        HttpMethod method,
        TimeSpan expiresIn,
        CancellationToken cancellationToken);

    private void ValidatePresign(string key, TimeSpan expiresIn)
    {
        ValidateKey(key);
        if (expiresIn <= TimeSpan.Zero || expiresIn > s_maxPresignedExpiry)
        {
            throw new ArgumentOutOfRangeException(
                nameof(expiresIn),
                expiresIn,
                "A presigned URL must expire after more than zero and at most seven days, as in S3.");
        }
    }
}
