using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Builds the AWS service clients the application shares, from <see cref="AwsOptions"/>.
/// </summary>
internal sealed class AwsClientFactory
{
    private readonly AwsOptions _options;

    public AwsClientFactory(IOptions<MultiverseOptions> options)
    {
        _options = options.Value.Aws;
    }

    public IAmazonDynamoDB CreateDynamoDb()
    {
        var config = new AmazonDynamoDBConfig();
        Apply(config, _options.DynamoDb);
        return new AmazonDynamoDBClient(ResolveCredentials(), config);
    }

    public IAmazonS3 CreateS3()
    {
        var config = new AmazonS3Config();
        Apply(config, _options.S3);
        if (_options.S3.ServiceUrl is not null)
        {
            config.ForcePathStyle = _options.S3.ForcePathStyle ?? true;
            if (_options.S3.ChecksumOnlyWhenRequired ?? true)
            {
                config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
                config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
            }
        }
        else if (_options.S3.ForcePathStyle is bool forcePathStyle)
        {
            config.ForcePathStyle = forcePathStyle;
        }

        return new AmazonS3Client(ResolveCredentials(), config);
    }

    public IAmazonSecurityTokenService CreateSecurityToken()
    {
        var config = new AmazonSecurityTokenServiceConfig();
        Apply(config, _options.Sts);
        return new AmazonSecurityTokenServiceClient(ResolveCredentials(), config);
    }

    private AWSCredentials ResolveCredentials()
    {
        LocalCredentialsOptions local = _options.LocalCredentials;
        if (!string.IsNullOrEmpty(local.AccessKeyId) && !string.IsNullOrEmpty(local.SecretAccessKey))
        {
            return new BasicAWSCredentials(local.AccessKeyId, local.SecretAccessKey);
        }

        return Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials();
    }

    private void Apply(ClientConfig config, AwsServiceOptions service)
    {
        string? region = _options.Region
            ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");

        // The region is set first: assigning RegionEndpoint after ServiceURL clears the URL.
        if (service.ServiceUrl is not null)
        {
            config.ServiceURL = service.ServiceUrl.ToString();
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (_options.RetryMode is RequestRetryMode retryMode)
        {
            config.RetryMode = retryMode;
        }

        if (_options.MaxAttempts is int maxAttempts)
        {
            config.MaxErrorRetry = maxAttempts - 1;
        }

        if (_options.Timeout is TimeSpan timeout)
        {
            config.Timeout = timeout;
        }

        if (_options.ConnectTimeout is TimeSpan connectTimeout)
        {
            config.ConnectTimeout = connectTimeout;
        }
    }
}
