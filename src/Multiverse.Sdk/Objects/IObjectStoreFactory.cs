namespace Multiverse.Sdk.Objects;

/// <summary>
/// Hands out the object store of each configured bucket. Stores are also injectable directly: a keyed
/// <see cref="IObjectStore"/> per store name, and an unkeyed one for the store named
/// <see cref="ObjectsOptions.DefaultStoreName"/>.
/// </summary>
public interface IObjectStoreFactory
{
    /// <summary>Returns the store whose bucket is configured under
    /// <c>Multiverse:Objects:Buckets:&lt;storeName&gt;</c>.</summary>
    /// <param name="storeName">The store name, case-insensitive, for example <c>Uploads</c>.</param>
    /// <returns>The store; the same instance for every call with the same name.</returns>
    /// <exception cref="Configuration.MultiverseConfigurationException">
    /// The S3 provider is used and no bucket is configured for the store.
    /// </exception>
    IObjectStore GetStore(string storeName);
}
