using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsOptionsBindingTests : IDisposable
{
    private readonly AwsTestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void Bind_EveryAwsSetting_ReachesTheOptions()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-central-1",
            ["Multiverse:Aws:AllowUnknownRegion"] = "true",
            ["Multiverse:Aws:Profile"] = "dev",
            ["Multiverse:Aws:RetryMode"] = "adaptive",
            ["Multiverse:Aws:MaxAttempts"] = "5",
            ["Multiverse:Aws:Timeout"] = "00:00:20",
            ["Multiverse:Aws:ConnectTimeout"] = "00:00:02",
            ["Multiverse:Aws:AssumeRole:RoleArn"] = "arn:aws:iam::123456789012:role/orders-reader",
            ["Multiverse:Aws:AssumeRole:ExternalId"] = "partner-42",
            ["Multiverse:Aws:AssumeRole:SessionName"] = "orders",
            ["Multiverse:Aws:AssumeRole:Duration"] = "00:30:00",
            ["Multiverse:Aws:DynamoDb:ServiceUrl"] = "http://127.0.0.1:8000",
            ["Multiverse:Aws:S3:ServiceUrl"] = "http://127.0.0.1:9000",
            ["Multiverse:Aws:S3:ForcePathStyle"] = "false",
            ["Multiverse:Aws:S3:ChecksumOnlyWhenRequired"] = "false",
            ["Multiverse:Aws:Sts:ServiceUrl"] = "http://127.0.0.1:9100",
            ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = "local",
            ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "local-secret",
        };

        AwsOptions aws = Bind(settings);

        Assert.Equal("eu-central-1", aws.Region);
        Assert.True(aws.AllowUnknownRegion);
        Assert.Equal("dev", aws.Profile);
        Assert.Equal(RequestRetryMode.Adaptive, aws.RetryMode);
        Assert.Equal(5, aws.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), aws.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), aws.ConnectTimeout);
        Assert.Equal("arn:aws:iam::123456789012:role/orders-reader", aws.AssumeRole.RoleArn);
        Assert.Equal("partner-42", aws.AssumeRole.ExternalId);
        Assert.Equal("orders", aws.AssumeRole.SessionName);
        Assert.Equal(TimeSpan.FromMinutes(30), aws.AssumeRole.Duration);
        Assert.Equal(new Uri("http://127.0.0.1:8000"), aws.DynamoDb.ServiceUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), aws.S3.ServiceUrl);
        Assert.False(aws.S3.ForcePathStyle);
        Assert.False(aws.S3.ChecksumOnlyWhenRequired);
        Assert.Equal(new Uri("http://127.0.0.1:9100"), aws.Sts.ServiceUrl);
        Assert.Equal("local", aws.LocalCredentials.AccessKeyId);
        Assert.Equal("local-secret", aws.LocalCredentials.SecretAccessKey);
    }

    [Fact]
    public void Bind_NothingSet_LeavesTheSdkDefaults()
    {
        AwsOptions aws = Bind(new Dictionary<string, string?>());

        Assert.Null(aws.Region);
        Assert.False(aws.AllowUnknownRegion);
        Assert.Null(aws.RetryMode);
        Assert.Null(aws.MaxAttempts);
        Assert.Null(aws.Timeout);
        Assert.Null(aws.ConnectTimeout);
        Assert.Null(aws.AssumeRole.RoleArn);
        Assert.Equal(TimeSpan.FromHours(1), aws.AssumeRole.Duration);
        Assert.Null(aws.S3.ForcePathStyle);
        Assert.Null(aws.S3.ChecksumOnlyWhenRequired);
    }

    [Fact]
    public void Bind_EnvironmentVariableForm_ReachesTheOptions()
    {
        // A prefix of this test's own keeps the process environment of other tests untouched.
        string prefix = $"MULTIVERSE_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Multiverse__Aws__S3__ServiceUrl", "http://minio:9000");
        try
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.AddMultiverse();
            using IHost host = builder.Build();

            AwsOptions aws = host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value.Aws;

            Assert.Equal(new Uri("http://minio:9000"), aws.S3.ServiceUrl);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Multiverse__Aws__S3__ServiceUrl", null);
        }
    }

    private AwsOptions Bind(Dictionary<string, string?> settings)
    {
        using IHost host = AwsTestHost.Build(settings, _environment);
        return host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value.Aws;
    }
}
