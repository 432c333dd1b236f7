using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// An object store on the local file system: one folder per bucket. Each object is one file named after the hash of
/// its key (so any key S3 accepts maps to a valid, case-distinct file name), written to a temporary file first and
/// renamed into place, so that the last complete write wins and readers never see a partial object.
/// </summary>
internal sealed class EmbeddedObjectStore : ObjectStoreBase, IDisposable
{
    private const string DefaultContentType = "application/octet-stream";
    private const string ObjectExtension = ".object";
    private const string PartialExtension = ".partial";
    private const int CopyBufferSize = 81_920;

    private static readonly TimeSpan s_staleWriteAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromSeconds(30);

    private readonly string _objectsFolder;
    private readonly string _partialFolder;
    private readonly string _lockPath;
    private readonly EmbeddedPresigner _presigner;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _commitLock = new(1, 1);

    public EmbeddedObjectStore(
        string storeName,
        string bucketName,
        string bucketFolder,
        EmbeddedPresigner presigner,
        TimeProvider time,
        ILogger logger)
        : base(storeName, bucketName)
    {
        _objectsFolder = Path.Combine(bucketFolder, "objects");
        _partialFolder = Path.Combine(bucketFolder, "partial");
        _lockPath = Path.Combine(bucketFolder, "commit.lock");
        _presigner = presigner;
        _time = time;
        Directory.CreateDirectory(_objectsFolder);
        Directory.CreateDirectory(_partialFolder);
        ObjectsLog.EmbeddedBucketOpened(logger, bucketName, bucketFolder);
        RemoveStaleWrites(logger);
    }

    public void Dispose() => _commitLock.Dispose();

    protected override void ValidateKey(string key) => ObjectKeys.ValidateForFileSystem(key);

    protected override Task<ObjectWriteResult> PutCoreAsync(
        string key,
        Stream content,
        ObjectPutOptions options,
        CancellationToken cancellationToken)
    {
        var header = new EmbeddedObjectHeader
        {
            Key = key,
            ContentType = options.ContentType ?? DefaultContentType,
            CacheControl = options.CacheControl,
            Metadata = LowerCaseNames(options.Metadata),
            Encryption = options.Encryption,
            KmsKeyId = options.KmsKeyId,
        };
        return WriteAsync(header, content, options, cancellationToken);
    }

    protected override Task<ObjectDownload> GetCoreAsync(
        string key,
        ObjectGetOptions options,
        CancellationToken cancellationToken)
    {
        FileStream file = OpenObject(key);
        try
        {
            EmbeddedObjectHeader header = EmbeddedObjectFile.ReadHeader(file);
            if (options.IfNoneMatch is { } etag && (etag == "*" || etag == header.ETag))
            {
                file.Dispose();
                return Task.FromResult(ObjectDownload.NotModified(header.ETag));
            }

            long from = 0;
            long to = header.Size - 1;
            ObjectByteRange? returned = null;
            if (options.Range is ObjectByteRange range)
            {
                if (range.From >= header.Size)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(options),
                        $"The byte range asked of '{key}' starts after the end of the object. Read its size with "
                        + "HeadAsync first.");
                }

                from = range.From;
                to = Math.Min(range.To ?? to, to);
                returned = new ObjectByteRange(from, to);
            }

            var content = new BoundedReadStream(file, from, to - from + 1);
            var download = new ObjectDownload(header.ETag, header.ToProperties(), content, content.Length, returned);
            return Task.FromResult(download);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    protected override Task<ObjectProperties> HeadCoreAsync(string key, CancellationToken cancellationToken)
    {
        using FileStream file = OpenObject(key);
        return Task.FromResult(EmbeddedObjectFile.ReadHeader(file).ToProperties());
    }

    protected override Task DeleteCoreAsync(string key, CancellationToken cancellationToken) =>
        UnderCommitLockAsync(() => DeleteFile(key), cancellationToken);

    protected override Task DeleteBatchCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        UnderCommitLockAsync(
            () =>
            {
                foreach (string key in keys)
                {
                    DeleteFile(key);
                }

                return true;
            },
            cancellationToken);

    protected override async Task<ObjectWriteResult> CopyCoreAsync(
        string sourceKey,
        string destinationKey,
        ObjectCopyOptions options,
        CancellationToken cancellationToken)
    {
        await using FileStream source = OpenObject(sourceKey);
        EmbeddedObjectHeader sourceHeader = EmbeddedObjectFile.ReadHeader(source);
        bool replace = options.ReplaceMetadata;
        var header = new EmbeddedObjectHeader
        {
            Key = destinationKey,
            ContentType = replace ? options.ContentType ?? DefaultContentType : sourceHeader.ContentType,
            CacheControl = replace ? options.CacheControl : sourceHeader.CacheControl,
            Metadata = replace ? LowerCaseNames(options.Metadata) : sourceHeader.Metadata,
            Encryption = sourceHeader.Encryption,
            KmsKeyId = sourceHeader.KmsKeyId,
        };
        await using var content = new BoundedReadStream(source, 0, sourceHeader.Size);
        return await WriteAsync(header, content, conditions: null, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<ObjectListPage> ListPageCoreAsync(
        ObjectListRequest request,
        CancellationToken cancellationToken)
    {
        string prefix = request.Prefix ?? string.Empty;
        string? after = DecodePageToken(request.PageToken);
        List<ObjectSummary> matching = ReadAllSummaries(prefix, cancellationToken);
        matching.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));

        var objects = new List<ObjectSummary>();
        var commonPrefixes = new List<string>();
        string? lastEntry = null;
        foreach (ObjectSummary summary in matching)
        {
            string entry = GroupedEntry(summary.Key, prefix, request.Delimiter) ?? summary.Key;
            // Keys under one common prefix are adjacent in key order, so a prefix repeats only back to back.
            bool onEarlierPage = after is not null && string.CompareOrdinal(entry, after) <= 0;
            if (onEarlierPage || entry == lastEntry)
            {
                continue;
            }

            if (objects.Count + commonPrefixes.Count == request.PageSize)
            {
                return Task.FromResult(new ObjectListPage(objects, commonPrefixes, EncodePageToken(lastEntry!)));
            }

            if (entry == summary.Key)
            {
                objects.Add(summary);
            }
            else
            {
                commonPrefixes.Add(entry);
            }

            lastEntry = entry;
        }

        return Task.FromResult(new ObjectListPage(objects, commonPrefixes, nextPageToken: null));
    }

    protected override Task<Uri> CreatePresignedUrlCoreAsync(
        string key,
        HttpMethod method,
        TimeSpan expiresIn,
        CancellationToken cancellationToken) =>
        Task.FromResult(_presigner.CreateUrl(BucketName, key, method, expiresIn));

    private async Task<ObjectWriteResult> WriteAsync(
        EmbeddedObjectHeader header,
        Stream content,
        ObjectPutOptions? conditions,
        CancellationToken cancellationToken)
    {
        string partialPath = Path.Combine(_partialFolder, Guid.NewGuid().ToString("N") + PartialExtension);
        try
        {
            await WritePartialAsync(partialPath, header, content, cancellationToken).ConfigureAwait(false);
            string objectPath = ObjectPath(header.Key);
            await UnderCommitLockAsync(
                () =>
                {
                    CheckConditions(header.Key, objectPath, conditions);
                    Directory.CreateDirectory(Path.GetDirectoryName(objectPath)!);
                    File.Move(partialPath, objectPath, overwrite: true);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return new ObjectWriteResult(header.Key, header.ETag);
        }
        finally
        {
            File.Delete(partialPath);
        }
    }

    [SuppressMessage(
        "Security",
        "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "S3 defines a single-part ETag as the content's MD5; it identifies, it does not protect.")]
    private async Task WritePartialAsync(
        string partialPath,
        EmbeddedObjectHeader header,
        Stream content,
        CancellationToken cancellationToken)
    {
        await using var file = new FileStream(
            partialPath,
            FileMode.CreateNew,
            FileAccess.Write,
            FileShare.None,
            bufferSize: 0,
            FileOptions.Asynchronous);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)
                .ConfigureAwait(false)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                size += read;
            }

            header.Size = size;
            header.ETag = $"\"{Convert.ToHexStringLower(md5.GetHashAndReset())}\"";
            header.LastModified = TruncateToSeconds(_time.GetUtcNow());
            await EmbeddedObjectFile.WriteTrailerAsync(file, header, cancellationToken).ConfigureAwait(false);

            // The rename must not publish a file whose bytes are still only in the page cache.
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckConditions(string key, string objectPath, ObjectPutOptions? conditions)
    {
        if (conditions is null || (!conditions.CreateOnly && conditions.IfMatch is null))
        {
            return;
        }

        string? currentETag = null;
        if (File.Exists(objectPath))
        {
            using FileStream current = OpenFile(objectPath);
            currentETag = EmbeddedObjectFile.ReadHeader(current).ETag;
        }

        if (conditions.CreateOnly && currentETag is not null)
        {
            throw new ObjectAlreadyExistsException(
                $"An object with the key '{key}' already exists in bucket '{BucketName}', and the write asked to "
                + "create it only. Choose another key, or write without CreateOnly to replace it.");
        }

        if (conditions.IfMatch is not null && conditions.IfMatch != currentETag)
        {
            throw new ObjectPreconditionFailedException(
                $"The object '{key}' in bucket '{BucketName}' no longer has ETag {conditions.IfMatch}: it was changed "
                + "or deleted since it was read. Read it again and retry the write with the new ETag.");
        }
    }

    private bool DeleteFile(string key)
    {
        string path = ObjectPath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return true;
    }

    /// <summary>
    /// Serialises the short commit step (condition check and rename) between threads and between processes that
    /// share the folder; writing the content happens outside the lock.
    /// </summary>
    private async Task UnderCommitLockAsync(Func<bool> commit, CancellationToken cancellationToken)
    {
        await _commitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using FileStream fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            commit();
        }
        finally
        {
            _commitLock.Release();
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetElapsedTime(started) < s_lockTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new ObjectStoreException(
                    $"Another process has held '{_lockPath}' for more than {s_lockTimeout.TotalSeconds} seconds. Stop "
                    + "the process that hangs on it, or point Multiverse:Objects:Embedded:RootPath elsewhere.",
                    exception);
            }
        }
    }

    private FileStream OpenObject(string key)
    {
        try
        {
            return OpenFile(ObjectPath(key));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException($"No object has the key '{key}' in bucket '{BucketName}'.", exception);
        }
    }

    // Readers allow the file to be replaced or deleted under them: they keep reading the version they opened.
    private static FileStream OpenFile(string path) =>
        new(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete,
            bufferSize: 4096,
            useAsync: true);

    private List<ObjectSummary> ReadAllSummaries(string prefix, CancellationToken cancellationToken)
    {
        var summaries = new List<ObjectSummary>();
        IEnumerable<string> paths =
            Directory.EnumerateFiles(_objectsFolder, "*" + ObjectExtension, SearchOption.AllDirectories);
        foreach (string path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EmbeddedObjectHeader header;
            try
            {
                using FileStream file = OpenFile(path);
                header = EmbeddedObjectFile.ReadHeader(file);
            }
            catch (FileNotFoundException)
            {
                // Deleted between listing the folder and opening the file.
                continue;
            }

            if (header.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                summaries.Add(new ObjectSummary
                {
                    Key = header.Key,
                    Size = header.Size,
                    ETag = header.ETag,
                    LastModified = header.LastModified,
                });
            }
        }

        return summaries;
    }

    private string ObjectPath(string key)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(_objectsFolder, hash[..2], hash + ObjectExtension);
    }

    private void RemoveStaleWrites(ILogger logger)
    {
        // A writer that was killed leaves its partial file behind; a live writer touches its file continually.
        DateTime cutoff = _time.GetUtcNow().UtcDateTime - s_staleWriteAge;
        int removed = 0;
        foreach (string path in Directory.EnumerateFiles(_partialFolder, "*" + PartialExtension))
        {
            if (File.GetLastWriteTimeUtc(path) < cutoff)
            {
                File.Delete(path);
                removed++;
            }
        }

        if (removed > 0)
        {
            ObjectsLog.StaleTemporaryFilesRemoved(logger, removed, _partialFolder);
        }
    }

    private static string? GroupedEntry(string key, string prefix, string? delimiter)
    {
        if (delimiter is null)
        {
            return null;
        }

        int index = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return index < 0 ? null : key[..(index + delimiter.Length)];
    }

    private static string EncodePageToken(string lastEntry) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastEntry));

    private static string? DecodePageToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(
                $"The page token '{token}' was not returned by this store. Pass NextPageToken from the previous page.",
                nameof(token),
                exception);
        }
    }

    private static Dictionary<string, string> LowerCaseNames(IDictionary<string, string> metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> entry in metadata)
        {
            result[entry.Key.ToLowerInvariant()] = entry.Value;
        }

        return result;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
