using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AssumeRoleCredentialsTests : IAsyncLifetime
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/orders-reader";
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(15);

    private readonly AwsTestEnvironment _environment = new();
    private readonly ManualTimeProvider _time = ManualTimeProvider.StartingNow();
    private readonly CapturingLoggerProvider _logs = new();
    private LoopbackAwsServer _server = null!;
    private int _issued;
    private bool _denyFurtherRequests;

    public async Task InitializeAsync()
    {
        _server = await LoopbackAwsServer.StartAsync(Respond);
        _environment.Set("AWS_ACCESS_KEY_ID", "ASIALAMBDABASEKEY")
            .Set("AWS_SECRET_ACCESS_KEY", "lambda-base-secret")
            .Set("AWS_SESSION_TOKEN", "lambda-base-session-token");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _environment.Dispose();
    }

    [Fact]
    public async Task GetCredentials_FirstUse_SendsRoleArnExternalIdSessionNameAndDuration()
    {
        using IHost host = BuildHost();

        await CredentialsOf(host).GetCredentialsAsync();

        Dictionary<string, string> form = Assert.Single(_server.Requests).Form;
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal(RoleArn, form["RoleArn"]);
        Assert.Equal("partner-42", form["ExternalId"]);
        Assert.Equal("orders-session", form["RoleSessionName"]);
        Assert.Equal("1800", form["DurationSeconds"]);
    }

    [Fact]
    public async Task GetCredentials_FirstUse_SignsTheStsCallWithTheBaseCredentialsForTheRegion()
    {
        using IHost host = BuildHost();

        await CredentialsOf(host).GetCredentialsAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Contains("Credential=ASIALAMBDABASEKEY/", request.Authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/sts/aws4_request", request.Authorization, StringComparison.Ordinal);
        Assert.Equal("lambda-base-session-token", request.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task GetCredentials_FirstUse_ReturnsTheTemporaryKeyFromSts()
    {
        using IHost host = BuildHost();

        ImmutableCredentials credentials = await CredentialsOf(host).GetCredentialsAsync();

        Assert.Equal(TemporaryKey.Numbered(1).AccessKeyId, credentials.AccessKey);
        Assert.Equal(TemporaryKey.Numbered(1).SecretAccessKey, credentials.SecretKey);
        Assert.Equal(TemporaryKey.Numbered(1).SessionToken, credentials.Token);
    }

    [Fact]
    public async Task GetCredentials_AgainWellBeforeExpiry_ReusesTheKey()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromMinutes(9));

        ImmutableCredentials second = await credentials.GetCredentialsAsync();

        Assert.Single(_server.Requests);
        Assert.Equal(TemporaryKey.Numbered(1).AccessKeyId, second.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_WithinFiveMinutesOfExpiry_FetchesANewKey()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromMinutes(11));

        ImmutableCredentials refreshed = await credentials.GetCredentialsAsync();

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(TemporaryKey.Numbered(2).AccessKeyId, refreshed.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_RefreshFailsWhileTheKeyIsValid_KeepsTheKeyAndLogsAWarning()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        _denyFurtherRequests = true;
        _time.Advance(TimeSpan.FromMinutes(11));

        ImmutableCredentials kept = await credentials.GetCredentialsAsync();

        Assert.Equal(TemporaryKey.Numbered(1).AccessKeyId, kept.AccessKey);
        Assert.Contains(_logs.Entries, entry => entry.EventId == 1206 && entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task GetCredentials_RefreshFailsAfterExpiry_Throws()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        _denyFurtherRequests = true;
        _time.Advance(s_lifetime + TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal("AccessDenied", exception.ErrorCode);
    }

    [Fact]
    public async Task DynamoDb_WithAssumedRole_SignsWithTheTemporaryKey()
    {
        using IHost host = BuildHost(("Multiverse:Aws:DynamoDb:ServiceUrl", _server.Url.ToString()));

        await host.Services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync();

        RecordedRequest call = Assert.Single(_server.Requests, request => request.Headers.ContainsKey("X-Amz-Target"));
        string expectedCredential = $"Credential={TemporaryKey.Numbered(1).AccessKeyId}/";
        Assert.Contains(expectedCredential, call.Authorization, StringComparison.Ordinal);
        Assert.Equal(TemporaryKey.Numbered(1).SessionToken, call.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task GetCredentials_NoSessionNameConfigured_UsesTheServiceName()
    {
        using IHost host = BuildHost(
            ("Multiverse:Aws:AssumeRole:SessionName", null),
            ("Multiverse:ServiceName", "orders api"));

        await CredentialsOf(host).GetCredentialsAsync();

        Assert.Equal("orders-api", Assert.Single(_server.Requests).Form["RoleSessionName"]);
    }

    [Fact]
    public async Task GetCredentials_AfterRefresh_LogsNoKeyOrToken()
    {
        using IHost host = BuildHost();
        AWSCredentials credentials = CredentialsOf(host);
        await credentials.GetCredentialsAsync();
        _time.Advance(TimeSpan.FromMinutes(11));
        await credentials.GetCredentialsAsync();

        string logged = _logs.AllText;
        Assert.Contains(RoleArn, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-base-secret", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-base-session-token", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary-secret", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary-session-token", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("partner-42", logged, StringComparison.Ordinal);
    }

    private static AWSCredentials CredentialsOf(IHost host) =>
        host.Services.GetRequiredService<AwsClientFactory>().Credentials;

    private LoopbackResponse Respond(RecordedRequest request)
    {
        if (request.Headers.ContainsKey("X-Amz-Target"))
        {
            return new LoopbackResponse(200, "application/x-amz-json-1.0", """{"TableNames":[]}""");
        }

        if (_denyFurtherRequests)
        {
            return StsResponses.AccessDenied();
        }

        int number = Interlocked.Increment(ref _issued);
        return StsResponses.AssumeRole(TemporaryKey.Numbered(number), _time.GetUtcNow() + s_lifetime);
    }

    private IHost BuildHost(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-west-1",
            ["Multiverse:Aws:MaxAttempts"] = "1",
            ["Multiverse:Aws:Sts:ServiceUrl"] = _server.Url.ToString(),
            ["Multiverse:Aws:AssumeRole:RoleArn"] = RoleArn,
            ["Multiverse:Aws:AssumeRole:ExternalId"] = "partner-42",
            ["Multiverse:Aws:AssumeRole:SessionName"] = "orders-session",
            ["Multiverse:Aws:AssumeRole:Duration"] = "00:30:00",
        };
        foreach ((string key, string? value) in overrides)
        {
            settings[key] = value;
        }

        return AwsTestHost.Build(settings, _environment, _time, _logs);
    }
}
