namespace Multiverse.Sdk.Objects;

/// <summary>
/// Object store settings, bound from <c>Multiverse:Objects</c>.
/// </summary>
public sealed class ObjectsOptions
{
    /// <summary>The name of the configuration section, below <c>Multiverse</c>.</summary>
    public const string SectionName = "Objects";

    /// <summary>The store that an <see cref="IObjectStore"/> resolved without a key uses.</summary>
    public const string DefaultStoreName = "Default";

    /// <summary>Gets or sets where objects are kept.</summary>
    /// <value>Defaults to <see cref="ObjectStoreProvider.Embedded"/>, so an application runs with no AWS
    /// account.</value>
    public ObjectStoreProvider Provider { get; set; } = ObjectStoreProvider.Embedded;

    /// <summary>
    /// Gets the bucket name of each store, keyed by store name (case-insensitive), for example
    /// <c>Multiverse:Objects:Buckets:Uploads = orders-uploads-prod</c>, or the environment variable
    /// <c>Multiverse__Objects__Buckets__Uploads</c> fed from a Terraform output.
    /// </summary>
    /// <value>
    /// Empty by default. With <see cref="ObjectStoreProvider.S3"/> every store used needs an entry; the embedded
    /// provider uses the lower-cased store name when a store has none.
    /// </value>
    public IDictionary<string, string> Buckets { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the settings of the embedded provider.</summary>
    public EmbeddedObjectsOptions Embedded { get; } = new();

    /// <summary>Gets the settings of large uploads.</summary>
    public MultipartUploadOptions Multipart { get; } = new();
}
