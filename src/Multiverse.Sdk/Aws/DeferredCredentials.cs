using Amazon.Runtime;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Creates the real credentials on first use. Container and instance profile credentials call their metadata
/// endpoint when constructed; deferring that keeps start-up free of network calls and of their failures.
/// </summary>
internal sealed class DeferredCredentials : AWSCredentials
{
    private readonly Lazy<AWSCredentials> _inner;

    public DeferredCredentials(Func<AWSCredentials> create)
    {
        _inner = new Lazy<AWSCredentials>(create);
    }

    /// <inheritdoc />
    public override DateTime? Expiration => _inner.IsValueCreated ? _inner.Value.Expiration : null;

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() => _inner.Value.GetCredentials();

    /// <inheritdoc />
    public override Task<ImmutableCredentials> GetCredentialsAsync() => _inner.Value.GetCredentialsAsync();
}
