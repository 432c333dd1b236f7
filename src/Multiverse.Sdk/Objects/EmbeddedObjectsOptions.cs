namespace Multiverse.Sdk.Objects;

/// <summary>
/// Settings of the embedded provider, bound from <c>Multiverse:Objects:Embedded</c>.
/// </summary>
public sealed class EmbeddedObjectsOptions
{
    /// <summary>
    /// Gets or sets the folder that holds one sub-folder per bucket. A relative path is resolved against the
    /// application's content root.
    /// </summary>
    /// <value>Defaults to <c>.multiverse/objects</c> under the content root.</value>
    public string RootPath { get; set; } = Path.Combine(".multiverse", "objects");

    /// <summary>
    /// Gets or sets the base64 key (at least 32 bytes once decoded) that signs presigned URLs with HMAC-SHA256.
    /// Set it when URLs must stay valid across restarts or across several instances.
    /// </summary>
    /// <value>Defaults to a random key per process, so URLs stop working when the application restarts.</value>
    public string? PresignSigningKey { get; set; }

    /// <summary>
    /// Gets or sets the absolute base address presigned URLs start with, for example <c>http://localhost:5000</c>.
    /// </summary>
    /// <value>Defaults to the first address the application's server listens on.</value>
    public Uri? PublicBaseUrl { get; set; }
}
