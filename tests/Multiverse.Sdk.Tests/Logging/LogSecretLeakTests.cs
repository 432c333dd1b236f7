using System.Text;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Logging;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Logging;

/// <summary>
/// Runs a whole host at Trace level with credentials given through configuration and the environment, makes it log
/// them in every way an application might, and scans all the output for them.
/// </summary>
public sealed class LogSecretLeakTests
{
    private const string ConfiguredAccessKeyId = "AKIACONFIGUREDKEY0001";
    private const string ConfiguredSecretAccessKey = "configured/Secret+Access/Key0000000000001";
    private const string EnvironmentAccessKeyId = "ASIAENVIRONMENTKEY002";
    private const string EnvironmentSecretAccessKey = "environment/Secret+Access/Key00000000002";
    private const string EnvironmentSessionToken = "IQoJb3JpZ2luX2VjEnvironment/Session+Token==";
    private const string PaymentsApiKey = "pk_live_payments_api_key_0003";

    private static readonly string[] s_secrets =
    [
        ConfiguredAccessKeyId,
        ConfiguredSecretAccessKey,
        EnvironmentAccessKeyId,
        EnvironmentSecretAccessKey,
        EnvironmentSessionToken,
        PaymentsApiKey,
    ];

    [Fact]
    public async Task Run_LoggingSecretsEverywhere_WritesNoneOfThem()
    {
        using var output = new MemoryStream();
        string unusedEndpoint = $"http://127.0.0.1:{FreePort.Next()}";
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = "leak-check", EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-west-1",
            ["Multiverse:Aws:MaxAttempts"] = "1",
            ["Multiverse:Aws:DynamoDb:ServiceUrl"] = unusedEndpoint,
            ["Multiverse:Aws:S3:ServiceUrl"] = unusedEndpoint,
            ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = ConfiguredAccessKeyId,
            ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = ConfiguredSecretAccessKey,
            ["Payments:ApiKey"] = PaymentsApiKey,
        });
        IReadOnlyDictionary<string, string?> environment = TestEnvironmentVariables.LambdaWith(
            ("POWERTOOLS_LOG_LEVEL", "Trace"),
            ("AWS_ACCESS_KEY_ID", EnvironmentAccessKeyId),
            ("AWS_SECRET_ACCESS_KEY", EnvironmentSecretAccessKey),
            ("AWS_SESSION_TOKEN", EnvironmentSessionToken));
        builder.Services.AddSingleton<IEnvironmentVariables>(new TestEnvironmentVariables(environment));
        builder.Services.AddSingleton(new LambdaLogOutput(output));
        builder.AddMultiverse();

        using (IHost host = builder.Build())
        {
            // In Lambda the JSON provider is the only one that writes anywhere, so the stream holds all the output.
            Assert.DoesNotContain(
                host.Services.GetServices<ILoggerProvider>(),
                provider => provider is ConsoleLoggerProvider);
            await host.StartAsync();
            ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders.Checkout");
            IAmazonDynamoDB dynamoDb = host.Services.GetRequiredService<IAmazonDynamoDB>();
            Assert.NotNull(host.Services.GetRequiredService<IAmazonS3>());
            Assert.NotNull(host.Services.GetRequiredService<IAmazonSecurityTokenService>());

            try
            {
                await dynamoDb.ListTablesAsync();
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "DynamoDB call with key {AccessKeyId} failed", ConfiguredAccessKeyId);
            }

            LogEverySecret(logger);
            await host.StopAsync();
        }

        string captured = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"level\":\"Trace\"", captured, StringComparison.Ordinal);
        Assert.Contains("[redacted]", captured, StringComparison.Ordinal);
        Assert.Contains("DynamoDB call with key [redacted] failed", captured, StringComparison.Ordinal);
        foreach (string secret in s_secrets)
        {
            Assert.DoesNotContain(secret, captured, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), captured, StringComparison.Ordinal);
        }
    }

    private static void LogEverySecret(ILogger logger)
    {
        foreach (string secret in s_secrets)
        {
            logger.LogTrace("Trace with a structured {Secret}", secret);
            logger.LogDebug($"Debug with an interpolated {secret}");
            logger.LogInformation(
                "Presigned URL https://bucket.s3/key?X-Amz-Security-Token={Token}",
                Uri.EscapeDataString(secret));
            using (logger.BeginScope(new Dictionary<string, object?> { ["credentials"] = new[] { secret } }))
            using (logger.BeginScope("text scope holding " + secret))
            {
                logger.LogWarning("Inside scopes holding a secret");
            }

            try
            {
                throw new InvalidOperationException($"The secret {secret} was rejected.");
            }
            catch (InvalidOperationException exception)
            {
                logger.LogError(exception, "Operation failed");
            }
        }
    }
}
