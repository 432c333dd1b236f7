using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Credentials from STS <c>AssumeRoleWithWebIdentity</c>, exchanging the token in a file (GitLab CI's OIDC
/// token, an EKS service account token) for a role. The file is read again at each refresh because those
/// platforms rotate the token in place.
/// </summary>
internal sealed class WebIdentityCredentials : RefreshingStsCredentials
{
    private readonly string _tokenFile;
    private readonly string _roleArn;
    private readonly string _sessionName;

    public WebIdentityCredentials(
        IAmazonSecurityTokenService sts,
        string tokenFile,
        string roleArn,
        string sessionName,
        TimeProvider time,
        ILogger logger)
        : base(sts, time, logger)
    {
        _tokenFile = tokenFile;
        _roleArn = roleArn;
        _sessionName = sessionName;
    }

    protected override string RoleArn => _roleArn;

    protected override async Task<Credentials> FetchAsync(CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AmazonClientException(
                $"The web identity token file '{_tokenFile}' named by {AwsEnvironmentVariables.WebIdentityTokenFile} "
                + $"could not be read: {exception.Message} Check that the file exists and the process may read it.",
                exception);
        }

        var request = new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = _roleArn,
            RoleSessionName = _sessionName,
            WebIdentityToken = token,
        };
        AssumeRoleWithWebIdentityResponse response =
            await Sts.AssumeRoleWithWebIdentityAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Credentials;
    }
}
