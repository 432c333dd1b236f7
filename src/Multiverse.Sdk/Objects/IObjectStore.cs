namespace Multiverse.Sdk.Objects;

/// <summary>
/// The objects of one bucket: streamed writes and reads, listings and presigned URLs. Both providers (S3 and the
/// embedded file system one) behave the same way. Every key is checked first and a bad one throws
/// <see cref="InvalidObjectKeyException"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>Gets the name of the store, as in <c>Multiverse:Objects:Buckets:&lt;name&gt;</c>.</summary>
    string StoreName { get; }

    /// <summary>Gets the name of the bucket that holds the objects.</summary>
    string BucketName { get; }

    /// <summary>
    /// Writes an object from a stream of known or unknown length without holding it in memory. Large streams are
    /// uploaded in parts, several at a time; a failed or cancelled upload is aborted and leaves nothing behind.
    /// </summary>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes to write, read from the current position to the end; it is not disposed.</param>
    /// <param name="options">Content type, metadata, encryption and conditions; <see langword="null"/> for
    /// none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new object's key and ETag.</returns>
    /// <exception cref="ObjectAlreadyExistsException"><see cref="ObjectPutOptions.CreateOnly"/> is set and the key
    /// exists.</exception>
    /// <exception cref="ObjectPreconditionFailedException">The object does not have
    /// <see cref="ObjectPutOptions.IfMatch"/>.</exception>
    Task<ObjectWriteResult> PutAsync(
        string key,
        Stream content,
        ObjectPutOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Opens an object, or part of it, as a stream.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="options">A byte range and an ETag the caller already holds; <see langword="null"/> for
    /// none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object's properties and content, or a not-modified result; dispose it.</returns>
    /// <exception cref="ObjectNotFoundException">No object has the key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range starts after the end of the object.</exception>
    Task<ObjectDownload> GetAsync(
        string key,
        ObjectGetOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads an object's properties without its content.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Size, ETag, content type, metadata and last modification time.</returns>
    /// <exception cref="ObjectNotFoundException">No object has the key.</exception>
    Task<ObjectProperties> HeadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Tells whether an object has the key.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when the object exists.</returns>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; deleting a missing key succeeds, as in S3.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the object is gone.</returns>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes many objects, 1000 per request; missing keys are ignored.</summary>
    /// <param name="keys">The object keys.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>A task that completes when every object is gone.</returns>
    /// <exception cref="ObjectStoreException">Some objects could not be deleted; the message names them.</exception>
    Task DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Copies an object inside the bucket, keeping or replacing its content type and metadata.</summary>
    /// <param name="sourceKey">The key of the object to copy.</param>
    /// <param name="destinationKey">The key of the copy; it may equal the source to change metadata.</param>
    /// <param name="options">Whether and how to replace metadata; <see langword="null"/> keeps the source's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The copy's key and ETag.</returns>
    /// <exception cref="ObjectNotFoundException">No object has the source key.</exception>
    Task<ObjectWriteResult> CopyAsync(
        string sourceKey,
        string destinationKey,
        ObjectCopyOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists one page of objects in key order.</summary>
    /// <param name="request">Prefix, delimiter, page size and the token of the page to read.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page, with a token for the next one unless it is the last.</returns>
    Task<ObjectListPage> ListPageAsync(ObjectListRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists every object whose key starts with <paramref name="prefix"/>, in key order, page by
    /// page.</summary>
    /// <param name="prefix">The key prefix; <see langword="null"/> lists the whole bucket.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The objects, read a page at a time as the caller enumerates.</returns>
    IAsyncEnumerable<ObjectSummary> ListAsync(string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a URL that lets anyone holding it download the object until it expires.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="expiresIn">How long the URL works: more than zero and at most seven days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>An absolute URL for an HTTP GET.</returns>
    Task<Uri> CreatePresignedGetUrlAsync(string key, TimeSpan expiresIn, CancellationToken cancellationToken = default);

    /// <summary>Creates a URL that lets anyone holding it upload the object with an HTTP PUT until it
    /// expires.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="expiresIn">How long the URL works: more than zero and at most seven days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>An absolute URL for an HTTP PUT whose body is the object.</returns>
    Task<Uri> CreatePresignedPutUrlAsync(string key, TimeSpan expiresIn, CancellationToken cancellationToken = default);
}
