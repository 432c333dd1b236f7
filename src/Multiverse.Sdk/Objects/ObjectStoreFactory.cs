using System.Collections.Concurrent;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Creates each store once, for the provider and bucket that configuration names.
/// </summary>
internal sealed class ObjectStoreFactory : IObjectStoreFactory, IDisposable
{
    private readonly ObjectsOptions _options;
    private readonly IAmazonS3? _s3;
    private readonly EmbeddedPresigner _presigner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _embeddedRoot;
    private readonly ConcurrentDictionary<string, IObjectStore> _stores = new(StringComparer.OrdinalIgnoreCase);

    public ObjectStoreFactory(
        IOptions<ObjectsOptions> options,
        IServiceProvider services,
        IHostEnvironment environment,
        EmbeddedPresigner presigner,
        TimeProvider time,
        ILogger<ObjectStoreFactory> logger)
    {
        _options = options.Value;
        _presigner = presigner;
        _time = time;
        _logger = logger;
        _embeddedRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.Embedded.RootPath));

        // Resolving the client here, at start-up, surfaces missing AWS settings before the first request.
        _s3 = _options.Provider == ObjectStoreProvider.S3 ? services.GetRequiredService<IAmazonS3>() : null;
    }

    public ObjectStoreProvider Provider => _options.Provider;

    public IObjectStore GetStore(string storeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeName);
        return _stores.GetOrAdd(storeName, Create);
    }

    public void Dispose()
    {
        foreach (IDisposable store in _stores.Values.OfType<IDisposable>())
        {
            store.Dispose();
        }
    }

    /// <summary>Creates every store named in configuration, so that bad settings fail at start-up.</summary>
    public void OpenConfiguredStores()
    {
        foreach (string storeName in _options.Buckets.Keys)
        {
            GetStore(storeName);
        }
    }

    /// <summary>Finds the embedded store of a bucket named in a presigned URL.</summary>
    public EmbeddedObjectStore? FindEmbeddedStore(string bucketName)
    {
        if (_options.Provider != ObjectStoreProvider.Embedded || !ObjectsOptionsValidator.IsValidBucketName(bucketName))
        {
            return null;
        }

        string storeName = _options.Buckets
            .FirstOrDefault(entry => string.Equals(entry.Value, bucketName, StringComparison.Ordinal))
            .Key ?? bucketName;
        return GetStore(storeName) as EmbeddedObjectStore is { } store && store.BucketName == bucketName ? store : null;
    }

    private IObjectStore Create(string storeName)
    {
        if (_options.Provider == ObjectStoreProvider.S3)
        {
            if (!_options.Buckets.TryGetValue(storeName, out string? bucketName))
            {
                string setting = $"Multiverse:Objects:Buckets:{storeName}";
                throw new MultiverseConfigurationException(
                    $"No bucket is configured for object store '{storeName}'. Set '{setting}' to the bucket's name "
                    + $"(environment variable {ConfigurationBinding.ToEnvironmentVariable(setting)}, for example from "
                    + "a Terraform output).");
            }

            return new S3ObjectStore(storeName, bucketName, _s3!, _options.Multipart, _logger);
        }

        string embeddedBucket = _options.Buckets.TryGetValue(storeName, out string? configured)
            ? configured
            : storeName.ToLowerInvariant();
        if (!ObjectsOptionsValidator.IsValidBucketName(embeddedBucket))
        {
            throw new MultiverseConfigurationException(
                $"Object store '{storeName}' has no bucket configured and its name is not a valid bucket name. Set "
                + $"'Multiverse:Objects:Buckets:{storeName}' to a bucket name of 3 to 63 lower-case letters, digits, "
                + "dots and hyphens.");
        }

        return new EmbeddedObjectStore(
            storeName,
            embeddedBucket,
            Path.Combine(_embeddedRoot, embeddedBucket),
            _presigner,
            _time,
            _logger);
    }
}
