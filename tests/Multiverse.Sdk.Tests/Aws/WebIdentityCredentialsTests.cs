using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Aws;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class WebIdentityCredentialsTests : IAsyncLifetime
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/gitlab-deploy";
    private static readonly TimeSpan s_lifetime = TimeSpan.FromHours(1);

    private readonly AwsTestEnvironment _environment = new();
    private readonly ManualTimeProvider _time = ManualTimeProvider.StartingNow();
    private LoopbackAwsServer _server = null!;
    private string _tokenFile = null!;
    private int _issued;

    public async Task InitializeAsync()
    {
        _server = await LoopbackAwsServer.StartAsync(Respond);
        _tokenFile = _environment.WriteFile("gitlab-oidc-token", "first-oidc-token\n");
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", _tokenFile)
            .Set("AWS_ROLE_ARN", RoleArn)
            .Set("AWS_ROLE_SESSION_NAME", "pipeline-1234");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _environment.Dispose();
    }

    [Fact]
    public async Task GetCredentials_FirstUse_ExchangesTheTokenFromTheFileForTheRole()
    {
        using IHost host = BuildHost();

        ImmutableCredentials credentials = await CredentialsOf(host).GetCredentialsAsync();

        Dictionary<string, string> form = Assert.Single(_server.Requests).Form;
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal(RoleArn, form["RoleArn"]);
        Assert.Equal("pipeline-1234", form["RoleSessionName"]);
        Assert.Equal("first-oidc-token", form["WebIdentityToken"]);
        Assert.Equal(TemporaryKey.Numbered(1).AccessKeyId, credentials.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_FirstUse_SendsTheExchangeUnsigned()
    {
        using IHost host = BuildHost();

        await CredentialsOf(host).GetCredentialsAsync();

        Assert.Equal(string.Empty, Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task GetCredentials_NearExpiry_ReadsTheRotatedTokenAndFetchesANewKey()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        await File.WriteAllTextAsync(_tokenFile, "rotated-oidc-token");
        _time.Advance(s_lifetime - TimeSpan.FromMinutes(4));

        ImmutableCredentials refreshed = await credentials.GetCredentialsAsync();

        Assert.Equal("rotated-oidc-token", _server.Requests[^1].Form["WebIdentityToken"]);
        Assert.Equal(TemporaryKey.Numbered(2).AccessKeyId, refreshed.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_TokenFileMissing_ThrowsNamingTheVariable()
    {
        File.Delete(_tokenFile);
        using IHost host = BuildHost();

        var exception = await Assert.ThrowsAsync<AmazonClientException>(CredentialsOf(host).GetCredentialsAsync);

        Assert.Contains("AWS_WEB_IDENTITY_TOKEN_FILE", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    private static AWSCredentials CredentialsOf(IHost host) =>
        host.Services.GetRequiredService<AwsClientFactory>().Credentials;

    private LoopbackResponse Respond(RecordedRequest request)
    {
        int number = Interlocked.Increment(ref _issued);
        return StsResponses.AssumeRoleWithWebIdentity(TemporaryKey.Numbered(number), _time.GetUtcNow() + s_lifetime);
    }

    private IHost BuildHost() => AwsTestHost.Build(
        new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-west-1",
            ["Multiverse:Aws:MaxAttempts"] = "1",
            ["Multiverse:Aws:Sts:ServiceUrl"] = _server.Url.ToString(),
        },
        _environment,
        _time);
}
