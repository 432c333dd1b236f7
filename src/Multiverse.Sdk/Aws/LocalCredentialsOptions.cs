namespace Multiverse.Sdk.Aws;

/// <summary>
/// A fixed access key for local servers, bound from <c>Multiverse:Aws:LocalCredentials</c>.
/// </summary>
public sealed class LocalCredentialsOptions
{
    /// <summary>Gets or sets the access key id.</summary>
    /// <value>Defaults to none.</value>
    public string? AccessKeyId { get; set; }

    /// <summary>Gets or sets the secret access key. It never appears in logs.</summary>
    /// <value>Defaults to none.</value>
    public string? SecretAccessKey { get; set; }
}
