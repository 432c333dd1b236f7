using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsEndpointOverrideTests : IAsyncLifetime
{
    private readonly AwsTestEnvironment _environment = new();
    private LoopbackAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackAwsServer.StartAsync(Respond);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _environment.Dispose();
    }

    [Fact]
    public async Task DynamoDb_ServiceUrlSet_CallsThatUrlAndSignsForTheConfiguredRegion()
    {
        using IHost host = BuildHost("DynamoDb", region: "eu-central-1");

        ListTablesResponse response = await host.Services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal(["orders"], response.TableNames);
        Assert.Equal(_server.Url.Authority, request.Headers["Host"]);
        Assert.Contains("Credential=local-key/", request.Authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/dynamodb/aws4_request", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDb_ServiceUrlAndRegionFromEnvironment_SignsForTheEnvironmentRegion()
    {
        _environment.Set("AWS_REGION", "ap-northeast-1");
        using IHost host = BuildHost("DynamoDb", region: null);

        await host.Services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Contains("/ap-northeast-1/dynamodb/aws4_request", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDb_LambdaRoleVariables_SignsWithTheirKeyAndSessionToken()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "ASIALAMBDAKEYID")
            .Set("AWS_SECRET_ACCESS_KEY", "lambda-secret")
            .Set("AWS_SESSION_TOKEN", "lambda-session-token");
        using IHost host = BuildHost("DynamoDb", region: "eu-central-1", withLocalCredentials: false);

        await host.Services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Contains("Credential=ASIALAMBDAKEYID/", request.Authorization, StringComparison.Ordinal);
        Assert.Equal("lambda-session-token", request.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task DynamoDb_AwsProfileWithKeys_SignsWithTheProfileKey()
    {
        _environment.WithCredentialsFile("[staging]\naws_access_key_id = AKIASTAGINGKEY\naws_secret_access_key = s\n")
            .Set("AWS_PROFILE", "staging");
        using IHost host = BuildHost("DynamoDb", region: "eu-central-1", withLocalCredentials: false);

        await host.Services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Contains("Credential=AKIASTAGINGKEY/", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_CompatibleServer_PutsTheBucketInThePathAndSignsForTheRegion()
    {
        using IHost host = BuildHost("S3", region: "eu-central-1");

        await host.Services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = "photos",
            Key = "cats/tom.txt",
            ContentBody = "meow",
        });

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/photos/cats/tom.txt", request.Path);
        Assert.Equal(_server.Url.Authority, request.Headers["Host"]);
        Assert.Contains("/eu-central-1/s3/aws4_request", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_CompatibleServer_SendsNoChecksumTrailer()
    {
        using IHost host = BuildHost("S3", region: "eu-central-1");

        await PutObjectAsync(host);

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.False(request.Headers.ContainsKey("x-amz-trailer"));
        Assert.DoesNotContain("TRAILER", request.Headers["x-amz-content-sha256"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_CompatibleServerWithChecksumsKept_SendsTheSdkDefaultTrailer()
    {
        using IHost host = BuildHost(
            "S3",
            region: "eu-central-1",
            ("Multiverse:Aws:S3:ChecksumOnlyWhenRequired", "false"));

        await PutObjectAsync(host);

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.True(request.Headers.ContainsKey("x-amz-trailer"));
    }

    [Fact]
    public async Task Sts_ServiceUrlSet_RegisteredClientCallsItSignedForTheRegion()
    {
        using IHost host = BuildHost("Sts", region: "eu-north-1");

        GetCallerIdentityResponse response = await host.Services.GetRequiredService<IAmazonSecurityTokenService>()
            .GetCallerIdentityAsync(new GetCallerIdentityRequest());

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("123456789012", response.Account);
        Assert.Equal("GetCallerIdentity", request.Form["Action"]);
        Assert.Contains("/eu-north-1/sts/aws4_request", request.Authorization, StringComparison.Ordinal);
    }

    private static LoopbackResponse Respond(RecordedRequest request)
    {
        if (request.Headers.TryGetValue("X-Amz-Target", out string? target)
            && target.EndsWith(".ListTables", StringComparison.Ordinal))
        {
            return new LoopbackResponse(200, "application/x-amz-json-1.0", """{"TableNames":["orders"]}""");
        }

        if (request.Method == "PUT")
        {
            (string, string) etag = ("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
            return new LoopbackResponse(200, "text/plain", string.Empty, [etag]);
        }

        return request.Form.GetValueOrDefault("Action") == "GetCallerIdentity"
            ? StsResponses.GetCallerIdentity()
            : new LoopbackResponse(400, "text/plain", "unexpected request");
    }

    private static Task<PutObjectResponse> PutObjectAsync(IHost host) =>
        host.Services.GetRequiredService<IAmazonS3>().PutObjectAsync(new PutObjectRequest
        {
            BucketName = "photos",
            Key = "cats/tom.txt",
            ContentBody = "meow",
        });

    private IHost BuildHost(string service, string? region, params (string Key, string Value)[] extraSettings) =>
        BuildHost(service, region, withLocalCredentials: true, extraSettings);

    private IHost BuildHost(
        string service,
        string? region,
        bool withLocalCredentials,
        params (string Key, string Value)[] extraSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Multiverse:Aws:{service}:ServiceUrl"] = _server.Url.ToString(),
            ["Multiverse:Aws:MaxAttempts"] = "1",
        };
        if (withLocalCredentials)
        {
            settings["Multiverse:Aws:LocalCredentials:AccessKeyId"] = "local-key";
            settings["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "local-secret";
        }

        if (region is not null)
        {
            settings["Multiverse:Aws:Region"] = region;
        }

        foreach ((string key, string value) in extraSettings)
        {
            settings[key] = value;
        }

        return AwsTestHost.Build(settings, _environment);
    }
}
