using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsClientFactoryTests : IDisposable
{
    private readonly AwsTestEnvironment _environment = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void CreateDynamoDb_RetryAndTimeoutSettings_ReachTheClientConfig()
    {
        using IHost host = BuildHost(new()
        {
            ["Multiverse:Aws:RetryMode"] = "Adaptive",
            ["Multiverse:Aws:MaxAttempts"] = "5",
            ["Multiverse:Aws:Timeout"] = "00:00:20",
            ["Multiverse:Aws:ConnectTimeout"] = "00:00:02",
        });

        IClientConfig config = host.Services.GetRequiredService<IAmazonDynamoDB>().Config;

        Assert.Equal(RequestRetryMode.Adaptive, config.RetryMode);
        Assert.Equal(4, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(20), config.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), config.ConnectTimeout);
    }

    [Fact]
    public void CreateDynamoDb_NoServiceUrl_UsesTheRegionEndpoint()
    {
        using IHost host = BuildHost(new());

        IClientConfig config = host.Services.GetRequiredService<IAmazonDynamoDB>().Config;

        Assert.Equal(RegionEndpoint.EUCentral1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void CreateDynamoDb_ServiceUrl_KeepsTheUrlAndTheSigningRegion()
    {
        using IHost host = BuildHost(new() { ["Multiverse:Aws:DynamoDb:ServiceUrl"] = "http://127.0.0.1:8000" });

        IClientConfig config = host.Services.GetRequiredService<IAmazonDynamoDB>().Config;

        Assert.Equal("http://127.0.0.1:8000/", config.ServiceURL);
        Assert.Equal("eu-central-1", config.AuthenticationRegion);
    }

    [Fact]
    public void CreateS3_CompatibleServer_UsesPathStyleAndChecksumsOnlyWhenRequired()
    {
        using IHost host = BuildHost(new() { ["Multiverse:Aws:S3:ServiceUrl"] = "http://127.0.0.1:7480" });

        var config = (AmazonS3Config)host.Services.GetRequiredService<IAmazonS3>().Config;

        Assert.True(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
    }

    [Fact]
    public void CreateS3_CompatibleServerWithExplicitSettings_KeepsThem()
    {
        using IHost host = BuildHost(new()
        {
            ["Multiverse:Aws:S3:ServiceUrl"] = "http://127.0.0.1:7480",
            ["Multiverse:Aws:S3:ForcePathStyle"] = "false",
            ["Multiverse:Aws:S3:ChecksumOnlyWhenRequired"] = "false",
        });

        var config = (AmazonS3Config)host.Services.GetRequiredService<IAmazonS3>().Config;

        Assert.False(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_SUPPORTED, config.RequestChecksumCalculation);
    }

    [Fact]
    public void CreateS3_AwsVpcEndpoint_KeepsAwsDefaults()
    {
        using IHost host = BuildHost(new()
        {
            ["Multiverse:Aws:S3:ServiceUrl"] = "https://bucket.vpce-0a1b2c3d.s3.eu-central-1.vpce.amazonaws.com",
        });

        var config = (AmazonS3Config)host.Services.GetRequiredService<IAmazonS3>().Config;

        Assert.False(config.ForcePathStyle);
        Assert.Equal(RequestChecksumCalculation.WHEN_SUPPORTED, config.RequestChecksumCalculation);
    }

    [Fact]
    public void GetService_EachClientTwice_ReturnsOneSharedInstance()
    {
        using IHost host = BuildHost(new());

        IServiceProvider services = host.Services;
        Assert.Same(services.GetRequiredService<IAmazonDynamoDB>(), services.GetRequiredService<IAmazonDynamoDB>());
        Assert.Same(services.GetRequiredService<IAmazonS3>(), services.GetRequiredService<IAmazonS3>());
        Assert.Same(
            services.GetRequiredService<IAmazonSecurityTokenService>(),
            services.GetRequiredService<IAmazonSecurityTokenService>());
    }

    [Fact]
    public void GetService_LambdaRoleVariables_LogsTheSourceAndRegionButNoSecret()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "ASIALAMBDAKEYID")
            .Set("AWS_SECRET_ACCESS_KEY", "lambda-secret-value")
            .Set("AWS_SESSION_TOKEN", "lambda-session-token-value");
        using IHost host = BuildHost(new(), withLocalCredentials: false);

        host.Services.GetRequiredService<IAmazonDynamoDB>();

        CapturedLogEntry source = Assert.Single(_logs.Entries, entry => entry.EventId == 1201);
        Assert.Equal(LogLevel.Information, source.Level);
        Assert.Contains("EnvironmentVariables", source.Message, StringComparison.Ordinal);
        CapturedLogEntry region = Assert.Single(_logs.Entries, entry => entry.EventId == 1202);
        Assert.Contains("eu-central-1", region.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ASIALAMBDAKEYID", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-secret-value", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("lambda-session-token-value", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_LocalCredentials_LogsNoSecret()
    {
        using IHost host = BuildHost(new() { ["Multiverse:Aws:DynamoDb:ServiceUrl"] = "http://127.0.0.1:8000" });

        host.Services.GetRequiredService<IAmazonDynamoDB>();

        CapturedLogEntry source = Assert.Single(_logs.Entries, entry => entry.EventId == 1201);
        Assert.Contains("LocalCredentials", source.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("local-secret-value", _logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders api", "orders-api")]
    [InlineData("a", "multiverse")]
    [InlineData(null, "multiverse")]
    [InlineData("billing/v2:worker", "billing-v2-worker")]
    public void ToSessionName_ServiceName_GivesANameStsAccepts(string? serviceName, string expected)
    {
        Assert.Equal(expected, AwsClientFactory.ToSessionName(serviceName));
    }

    [Fact]
    public void ToSessionName_LongServiceName_IsCutTo64Characters()
    {
        Assert.Equal(64, AwsClientFactory.ToSessionName(new string('s', 100)).Length);
    }

    private IHost BuildHost(Dictionary<string, string?> settings, bool withLocalCredentials = true)
    {
        settings["Multiverse:Aws:Region"] = "eu-central-1";
        if (withLocalCredentials)
        {
            settings.TryAdd("Multiverse:Aws:LocalCredentials:AccessKeyId", "local-key-id");
            settings.TryAdd("Multiverse:Aws:LocalCredentials:SecretAccessKey", "local-secret-value");
        }

        return AwsTestHost.Build(settings, _environment, logs: _logs);
    }
}
