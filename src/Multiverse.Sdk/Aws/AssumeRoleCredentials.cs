using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Credentials of a role assumed through STS <c>AssumeRole</c> with the base credentials of the chain.
/// </summary>
internal sealed class AssumeRoleCredentials : RefreshingStsCredentials
{
    private readonly AssumeRoleRequestSettings _settings;

    public AssumeRoleCredentials(
        IAmazonSecurityTokenService sts,
        AssumeRoleRequestSettings settings,
        TimeProvider time,
        ILogger logger)
        : base(sts, time, logger)
    {
        _settings = settings;
    }

    protected override string RoleArn => _settings.RoleArn;

    protected override async Task<Credentials> FetchAsync(CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = _settings.RoleArn,
            RoleSessionName = _settings.SessionName,
            DurationSeconds = (int)_settings.Duration.TotalSeconds,
            ExternalId = _settings.ExternalId,
        };
        AssumeRoleResponse response = await Sts.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Credentials;
    }
}
