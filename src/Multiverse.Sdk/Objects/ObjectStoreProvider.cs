namespace Multiverse.Sdk.Objects;

/// <summary>
/// Where objects are kept, chosen with <c>Multiverse:Objects:Provider</c>.
/// </summary>
public enum ObjectStoreProvider
{
    /// <summary>Files under a local root folder: for running and testing a service without AWS.</summary>
    Embedded,

    /// <summary>Amazon S3, or an S3-compatible server named by <c>Multiverse:Aws:S3:ServiceUrl</c>.</summary>
    S3,
}
