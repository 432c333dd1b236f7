using Microsoft.Extensions.Configuration;
using Multiverse.Sdk.Logging;

namespace Multiverse.Sdk.Tests.Logging;

public sealed class SecretRedactorTests
{
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    public void Redact_CredentialFromTheEnvironment_ReplacesIt(string variable)
    {
        SecretRedactor redactor = Create(environment: new() { [variable] = "credential-value-1234" });

        string redacted = redactor.Redact("signing with credential-value-1234 now");

        Assert.Equal("signing with [redacted] now", redacted);
    }

    [Theory]
    [InlineData("Multiverse:Aws:LocalCredentials:SecretAccessKey")]
    [InlineData("Multiverse:Aws:LocalCredentials:AccessKeyId")]
    [InlineData("Payments:ApiKey")]
    [InlineData("Payments:Api_Key")]
    [InlineData("Database:Password")]
    [InlineData("Auth:ClientSecret")]
    [InlineData("GitLab:DeployToken")]
    [InlineData("ConnectionStrings:Orders")]
    public void Redact_ValueOfASecretSetting_ReplacesIt(string key)
    {
        SecretRedactor redactor = Create(configuration: new() { [key] = "s3cr3t-value" });

        Assert.Equal("value=[redacted];", redactor.Redact("value=s3cr3t-value;"));
    }

    [Fact]
    public void Redact_ValueOfAnOrdinarySetting_KeepsIt()
    {
        SecretRedactor redactor = Create(configuration: new() { ["Multiverse:ServiceName"] = "orders-api" });

        Assert.Equal("service orders-api", redactor.Redact("service orders-api"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("3600000")]
    [InlineData("false")]
    public void Redact_ShortNumericOrBooleanSecretValue_IsNotTreatedAsASecret(string value)
    {
        SecretRedactor redactor = Create(configuration: new() { ["Tokens:Lifetime"] = value });

        Assert.False(redactor.HasSecrets);
        Assert.Equal($"lifetime {value}", redactor.Redact($"lifetime {value}"));
    }

    [Fact]
    public void Redact_UrlEncodedSecret_ReplacesIt()
    {
        SecretRedactor redactor = Create(environment: new() { ["AWS_SESSION_TOKEN"] = "IQoJb3JpZ2luX2VjE+/token==" });

        string redacted = redactor.Redact(
            "https://bucket/key?X-Amz-Security-Token=IQoJb3JpZ2luX2VjE%2B%2Ftoken%3D%3D&x=1");

        Assert.Equal("https://bucket/key?X-Amz-Security-Token=[redacted]&x=1", redacted);
    }

    [Fact]
    public void Redact_SecretThatContainsAnother_ReplacesTheLongerWhole()
    {
        SecretRedactor redactor = Create(configuration: new()
        {
            ["A:Password"] = "hunter2-long",
            ["B:Password"] = "hunter2-long-and-longer",
        });

        Assert.Equal("[redacted] [redacted]", redactor.Redact("hunter2-long-and-longer hunter2-long"));
    }

    [Fact]
    public void Redact_TextWithoutSecrets_ReturnsTheSameInstance()
    {
        SecretRedactor redactor = Create(environment: new() { ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey });
        string text = "nothing to hide here";

        Assert.Same(text, redactor.Redact(text));
    }

    [Fact]
    public void Redact_AfterConfigurationReload_ReplacesTheNewSecret()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>())
            .Build();
        var environment = new TestEnvironmentVariables(new Dictionary<string, string?>());
        var redactor = new SecretRedactor(configuration, environment);

        configuration["Payments:ApiKey"] = "rotated-api-key";
        configuration.Reload();

        Assert.Equal("key [redacted]", redactor.Redact("key rotated-api-key"));
    }

    [Fact]
    public void AddSecret_ValueLearntAtRunTime_IsReplaced()
    {
        SecretRedactor redactor = Create();

        redactor.AddSecret("assumed-role-session-token");

        Assert.Equal("token [redacted]", redactor.Redact("token assumed-role-session-token"));
    }

    private static SecretRedactor Create(
        Dictionary<string, string?>? configuration = null,
        Dictionary<string, string?>? environment = null)
    {
        IConfigurationRoot root = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration ?? [])
            .Build();
        return new SecretRedactor(root, new TestEnvironmentVariables(environment ?? []));
    }
}
