using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsConfigurationValidationTests : IDisposable
{
    private const string ValidRoleArn = "arn:aws:iam::123456789012:role/orders-reader";

    private readonly AwsTestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Theory]
    [InlineData("Region", "eu-wst-1", "Multiverse:Aws:Region", "region code such as eu-west-1")]
    [InlineData("Region", "Frankfurt", "Multiverse:Aws:Region", "Multiverse:Aws:AllowUnknownRegion")]
    [InlineData("DynamoDb:ServiceUrl", "localhost:8000", "Multiverse:Aws:DynamoDb:ServiceUrl", "http://127.0.0.1:8000")]
    [InlineData("S3:ServiceUrl", "/objects", "Multiverse:Aws:S3:ServiceUrl", "absolute http or https URL")]
    [InlineData("Sts:ServiceUrl", "sts.local", "Multiverse:Aws:Sts:ServiceUrl", "Write the scheme and host")]
    [InlineData("Timeout", "00:00:00", "Multiverse:Aws:Timeout", "positive time span")]
    [InlineData("Timeout", "-00:00:05", "Multiverse:Aws:Timeout", "positive time span")]
    [InlineData("Timeout", "30.00:00:00", "Multiverse:Aws:Timeout", "a bare number is read as days")]
    [InlineData("ConnectTimeout", "00:00:00", "Multiverse:Aws:ConnectTimeout", "positive time span")]
    [InlineData("MaxAttempts", "0", "Multiverse:Aws:MaxAttempts", "Set it to 1 for no retries")]
    [InlineData("LocalCredentials:AccessKeyId", "local", "Multiverse:Aws:LocalCredentials:SecretAccessKey", "Set both")]
    [InlineData("AssumeRole:ExternalId", "partner-42", "Multiverse:Aws:AssumeRole:RoleArn", "Set the role ARN")]
    public void StartAsync_BadSetting_ThrowsNamingTheSettingAndTheFix(
        string key,
        string value,
        string expectedSetting,
        string expectedFix)
    {
        MultiverseConfigurationException exception = StartWith(new() { [$"Multiverse:Aws:{key}"] = value });

        AssertNamesSettingAndFix(exception, expectedSetting, expectedFix);
    }

    [Theory]
    [InlineData("RoleArn", "arn:aws:iam::1234:role/short", "Multiverse:Aws:AssumeRole:RoleArn", "12-digit account id")]
    [InlineData("RoleArn", "orders-reader", "Multiverse:Aws:AssumeRole:RoleArn", "arn:aws:iam::123456789012:role/")]
    [InlineData("RoleArn", "arn:aws:iam::123456789012:user/alice", "Multiverse:Aws:AssumeRole:RoleArn", "IAM role ARN")]
    [InlineData("Duration", "00:05:00", "Multiverse:Aws:AssumeRole:Duration", "from 00:15:00 to 12:00:00")]
    [InlineData("Duration", "13:00:00", "Multiverse:Aws:AssumeRole:Duration", "from 00:15:00 to 12:00:00")]
    [InlineData("SessionName", "has spaces", "Multiverse:Aws:AssumeRole:SessionName", "2 to 64 letters")]
    [InlineData("ExternalId", "x", "Multiverse:Aws:AssumeRole:ExternalId", "2 to 1224")]
    public void StartAsync_BadAssumeRoleSetting_ThrowsNamingTheSettingAndTheFix(
        string key,
        string value,
        string expectedSetting,
        string expectedFix)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Aws:AssumeRole:RoleArn"] = ValidRoleArn,
            [$"Multiverse:Aws:AssumeRole:{key}"] = value,
        };

        MultiverseConfigurationException exception = StartWith(settings);

        AssertNamesSettingAndFix(exception, expectedSetting, expectedFix);
    }

    [Fact]
    public void StartAsync_BadExternalId_DoesNotRepeatItsValue()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Aws:AssumeRole:RoleArn"] = ValidRoleArn,
            ["Multiverse:Aws:AssumeRole:ExternalId"] = "secret value with spaces",
        };

        MultiverseConfigurationException exception = StartWith(settings);

        Assert.DoesNotContain("secret value with spaces", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RetryMode", "Agressive", "Multiverse:Aws:RetryMode", "Standard, Adaptive")]
    [InlineData("Timeout", "thirty seconds", "Multiverse:Aws:Timeout", "00:00:30")]
    [InlineData("ConnectTimeout", "5s", "Multiverse:Aws:ConnectTimeout", "hours:minutes:seconds")]
    [InlineData("Timeout", "30", "Multiverse:Aws:Timeout", "would be read as days")]
    [InlineData("AssumeRole:Duration", "1h", "Multiverse:Aws:AssumeRole:Duration", "hours:minutes:seconds")]
    [InlineData("MaxAttempts", "three", "Multiverse:Aws:MaxAttempts", "digits only")]
    [InlineData("AllowUnknownRegion", "yes", "Multiverse:Aws:AllowUnknownRegion", "true or false")]
    [InlineData("S3:ForcePathStyle", "on", "Multiverse:Aws:S3:ForcePathStyle", "true or false")]
    [InlineData("S3:ChecksumOnlyWhenRequired", "1", "Multiverse:Aws:S3:ChecksumOnlyWhenRequired", "true or false")]
    public void StartAsync_UnreadableValue_ThrowsNamingTheSettingAndTheAcceptedForm(
        string key,
        string value,
        string expectedSetting,
        string expectedForm)
    {
        MultiverseConfigurationException exception = StartWith(new() { [$"Multiverse:Aws:{key}"] = value });

        AssertNamesSettingAndFix(exception, expectedSetting, expectedForm);
        string environmentVariable = expectedSetting.Replace(":", "__", StringComparison.Ordinal);
        Assert.Contains(environmentVariable, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartAsync_SeveralBadSettings_ReportsEachOfThem()
    {
        MultiverseConfigurationException exception = StartWith(new()
        {
            ["Multiverse:Aws:Region"] = "mars-north-1",
            ["Multiverse:Aws:MaxAttempts"] = "0",
            ["Multiverse:Aws:S3:ServiceUrl"] = "minio:9000",
        });

        Assert.Contains("'Multiverse:Aws:Region'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Multiverse:Aws:MaxAttempts'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Multiverse:Aws:S3:ServiceUrl'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoRegionAnywhere_StartsWhenNoAwsClientIsUsed()
    {
        using IHost host = AwsTestHost.Build(new Dictionary<string, string?>(), _environment);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void GetService_DynamoDbWithoutRegion_ThrowsNamingTheRegionSettings()
    {
        using IHost host = AwsTestHost.Build(new Dictionary<string, string?>(), _environment);

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => host.Services.GetRequiredService<IAmazonDynamoDB>());

        Assert.Contains("Multiverse:Aws:Region", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_UnknownRegionInEnvironment_ThrowsNamingTheVariable()
    {
        _environment.Set("AWS_REGION", "us-esat-1");
        using IHost host = AwsTestHost.Build(new Dictionary<string, string?>(), _environment);

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => host.Services.GetRequiredService<IAmazonDynamoDB>());

        Assert.Contains("'us-esat-1' from AWS_REGION", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnlistedRegionAllowed_Starts()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-future-7",
            ["Multiverse:Aws:AllowUnknownRegion"] = "true",
        };
        using IHost host = AwsTestHost.Build(settings, _environment);

        await host.StartAsync();
        await host.StopAsync();
    }

    private static void AssertNamesSettingAndFix(
        MultiverseConfigurationException exception,
        string expectedSetting,
        string expectedFix)
    {
        Assert.Contains($"'{expectedSetting}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedFix, exception.Message, StringComparison.Ordinal);
    }

    private MultiverseConfigurationException StartWith(Dictionary<string, string?> settings)
    {
        using IHost host = AwsTestHost.Build(settings, _environment);
        return Assert.ThrowsAsync<MultiverseConfigurationException>(() => host.StartAsync()).GetAwaiter().GetResult();
    }
}
