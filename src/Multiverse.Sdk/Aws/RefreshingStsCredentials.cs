using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Temporary credentials from STS, fetched on first use and again a few minutes before they expire. Only one
/// caller fetches at a time; the others wait for its result. When a refresh fails while the current credentials
/// are still valid, they are kept and the failure is logged, so a short STS outage does not fail requests.
/// </summary>
internal abstract class RefreshingStsCredentials : AWSCredentials, IDisposable
{
    /// <summary>How long before expiry new credentials are fetched.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TimeProvider _time;
    private volatile CachedCredentials? _current;

    protected RefreshingStsCredentials(IAmazonSecurityTokenService sts, TimeProvider time, ILogger logger)
    {
        Sts = sts;
        _time = time;
        Logger = logger;
    }

    /// <inheritdoc />
    public override DateTime? Expiration => _current?.Expiration.UtcDateTime;

    /// <summary>Gets the STS client the credentials are fetched with.</summary>
    protected IAmazonSecurityTokenService Sts { get; }

    /// <summary>Gets the logger for refreshes.</summary>
    protected ILogger Logger { get; }

    /// <summary>Gets the role the credentials are for, for logs.</summary>
    protected abstract string RoleArn { get; }

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        CachedCredentials? current = _current;
        if (current is not null && !NeedsRefresh(current))
        {
            return current.Credentials;
        }

        await _refreshLock.WaitAsync().ConfigureAwait(false);
        try
        {
            current = _current;
            if (current is not null && !NeedsRefresh(current))
            {
                return current.Credentials;
            }

            return await RefreshAsync(current).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Asks STS for new credentials.</summary>
    protected abstract Task<Amazon.SecurityToken.Model.Credentials> FetchAsync(CancellationToken cancellationToken);

    /// <summary>Releases the STS client.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sts.Dispose();
            _refreshLock.Dispose();
        }
    }

    private bool NeedsRefresh(CachedCredentials current) =>
        _time.GetUtcNow() >= current.Expiration - RefreshBeforeExpiry;

    private async Task<ImmutableCredentials> RefreshAsync(CachedCredentials? current)
    {
        Amazon.SecurityToken.Model.Credentials fetched;
        try
        {
            fetched = await FetchAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (current is not null && _time.GetUtcNow() < current.Expiration)
        {
            AwsLog.CredentialRefreshFailed(Logger, exception, RoleArn, current.Expiration);
            return current.Credentials;
        }

        DateTimeOffset expiration = ToUtc(fetched.Expiration);
        var credentials = new ImmutableCredentials(fetched.AccessKeyId, fetched.SecretAccessKey, fetched.SessionToken);
        _current = new CachedCredentials(credentials, expiration);
        AwsLog.CredentialsRefreshed(Logger, RoleArn, expiration);
        return credentials;
    }

    private DateTimeOffset ToUtc(DateTime? expiration)
    {
        // STS always sends an expiration; should one be missing, a short lifetime forces an early refresh.
        if (expiration is not DateTime value)
        {
            return _time.GetUtcNow() + RefreshBeforeExpiry;
        }

        return value.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(value),
            DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime()),
            _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        };
    }

    private sealed record CachedCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);
}
