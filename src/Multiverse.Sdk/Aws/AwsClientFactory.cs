using System.Text.RegularExpressions;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Builds the AWS service clients the application shares from <see cref="AwsOptions"/>, through the
/// <see cref="AWSOptions"/> of AWSSDK.Extensions.NETCore.Setup. The region and the credentials are resolved once,
/// on the first client, so an application that never asks for a client needs neither.
/// </summary>
internal sealed partial class AwsClientFactory : IDisposable
{
    private readonly AwsOptions _options;
    private readonly AwsEnvironment _environment;
    private readonly AwsProfiles _profiles;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _defaultSessionName;
    private readonly Lazy<AwsRegion> _region;
    private readonly Lazy<AwsCredentialSelection> _selection;
    private readonly Lazy<AWSCredentials> _credentials;
    private readonly List<IDisposable> _owned = [];

    public AwsClientFactory(
        IOptions<MultiverseOptions> options,
        AwsEnvironment environment,
        TimeProvider time,
        ILogger<AwsClientFactory> logger,
        IHostEnvironment? hostEnvironment = null)
    {
        _options = options.Value.Aws;
        _environment = environment;
        _profiles = new AwsProfiles(environment);
        _time = time;
        _logger = logger;
        string? serviceName = options.Value.ServiceName
            ?? environment.Get("POWERTOOLS_SERVICE_NAME")
            ?? hostEnvironment?.ApplicationName;
        _defaultSessionName = ToSessionName(serviceName);
        _region = new Lazy<AwsRegion>(ResolveRegion);
        _selection = new Lazy<AwsCredentialSelection>(SelectCredentials);
        _credentials = new Lazy<AWSCredentials>(CreateCredentials);
    }

    /// <summary>Gets the region the clients use; throws when none is configured or its name is unknown.</summary>
    public AwsRegion Region => _region.Value;

    /// <summary>Gets the credential source the chain chose.</summary>
    public AwsCredentialSelection CredentialSelection => _selection.Value;

    /// <summary>Gets the credentials every client shares, the assumed role's when one is configured.</summary>
    public AWSCredentials Credentials => _credentials.Value;

    public IAmazonDynamoDB CreateDynamoDb() =>
        CreateAwsOptions(_options.DynamoDb, nameof(AwsOptions.DynamoDb)).CreateServiceClient<IAmazonDynamoDB>();

    public IAmazonS3 CreateS3() =>
        CreateAwsOptions(_options.S3, nameof(AwsOptions.S3)).CreateServiceClient<IAmazonS3>();

    public IAmazonSecurityTokenService CreateSecurityToken() =>
        CreateAwsOptions(_options.Sts, nameof(AwsOptions.Sts)).CreateServiceClient<IAmazonSecurityTokenService>();

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (IDisposable owned in _owned)
            {
                owned.Dispose();
            }

            _owned.Clear();
        }
    }

    /// <summary>Builds the options a shared client is created from, with the shared credentials.</summary>
    internal AWSOptions CreateAwsOptions(AwsServiceOptions service, string serviceName)
    {
        // The region comes first: with no region, that is the error to report, not a credentials problem.
        _ = Region;
        return CreateAwsOptions(service, serviceName, Credentials);
    }

    /// <summary>
    /// Builds the options one client is created from: region or endpoint, credentials, retries, timeouts and,
    /// for S3, addressing and checksum settings.
    /// </summary>
    internal AWSOptions CreateAwsOptions(AwsServiceOptions service, string serviceName, AWSCredentials credentials)
    {
        AwsRegion region = Region;
        var aws = new AWSOptions { Credentials = credentials };
        DefaultClientConfig config = aws.DefaultClientConfig;
        if (service.ServiceUrl is Uri serviceUrl)
        {
            // Region stays unset: a RegionEndpoint assigned after ServiceURL replaces the URL with AWS's endpoint.
            // The signing region is given on its own instead.
            config.ServiceURL = serviceUrl.AbsoluteUri;
            config.AuthenticationRegion = region.Name;
            AwsLog.EndpointOverridden(_logger, serviceName, serviceUrl, region.Name);
        }
        else
        {
            aws.Region = RegionEndpoint.GetBySystemName(region.Name);
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

        if (service is S3ServiceOptions s3)
        {
            ApplyS3Settings(s3, config.ServiceSpecificSettings);
        }

        return aws;
    }

    /// <summary>
    /// S3-compatible servers want bucket names in the path and reject the checksum trailers the SDK sends by
    /// default; an endpoint on AWS (a VPC or FIPS endpoint) keeps AWS's defaults.
    /// </summary>
    private static void ApplyS3Settings(S3ServiceOptions s3, IDictionary<string, string> settings)
    {
        bool compatibleServer = s3.ServiceUrl is Uri url && !IsAwsHost(url.Host);
        if (s3.ForcePathStyle ?? compatibleServer)
        {
            settings[nameof(AmazonS3Config.ForcePathStyle)] = "true";
        }

        if (s3.ChecksumOnlyWhenRequired ?? compatibleServer)
        {
            settings[nameof(AmazonS3Config.RequestChecksumCalculation)] =
                nameof(RequestChecksumCalculation.WHEN_REQUIRED);
            settings[nameof(AmazonS3Config.ResponseChecksumValidation)] =
                nameof(ResponseChecksumValidation.WHEN_REQUIRED);
        }
    }

    private static bool IsAwsHost(string host) =>
        host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".api.aws", StringComparison.OrdinalIgnoreCase);

    private IAmazonSecurityTokenService CreateStsClient(AWSCredentials credentials) =>
        CreateAwsOptions(_options.Sts, nameof(AwsOptions.Sts), credentials)
            .CreateServiceClient<IAmazonSecurityTokenService>();

    private AwsRegion ResolveRegion()
    {
        AwsRegion region = AwsRegionResolver.Require(_options, _environment, _profiles);
        AwsLog.RegionChosen(_logger, region.Name, region.Source);
        return region;
    }

    private AwsCredentialSelection SelectCredentials()
    {
        AwsCredentialSelection selection = AwsCredentialChain.Select(_options, _environment, _profiles);
        AwsLog.CredentialSourceChosen(_logger, selection.Source, selection.Description);
        return selection;
    }

    private AWSCredentials CreateCredentials()
    {
        AWSCredentials baseCredentials = CreateBaseCredentials(CredentialSelection);
        AssumeRoleOptions assumeRole = _options.AssumeRole;
        if (string.IsNullOrWhiteSpace(assumeRole.RoleArn))
        {
            return baseCredentials;
        }

        var settings = new AssumeRoleRequestSettings(
            assumeRole.RoleArn.Trim(),
            assumeRole.SessionName ?? _defaultSessionName,
            assumeRole.ExternalId,
            assumeRole.Duration);
        AwsLog.AssumingRole(_logger, settings.RoleArn, settings.SessionName, (int)settings.Duration.TotalSeconds);
        return Own(new AssumeRoleCredentials(CreateStsClient(baseCredentials), settings, _time, _logger));
    }

    private AWSCredentials CreateBaseCredentials(AwsCredentialSelection selection)
    {
        switch (selection.Source)
        {
            case AwsCredentialSource.LocalCredentials:
            case AwsCredentialSource.EnvironmentVariables:
                return selection.SessionToken is string sessionToken
                    ? new SessionAWSCredentials(selection.AccessKeyId, selection.SecretAccessKey, sessionToken)
                    : new BasicAWSCredentials(selection.AccessKeyId, selection.SecretAccessKey);
            case AwsCredentialSource.WebIdentityToken:
                // AssumeRoleWithWebIdentity is an unsigned call: the token is the proof.
                return Own(new WebIdentityCredentials(
                    CreateStsClient(new AnonymousAWSCredentials()),
                    selection.WebIdentityTokenFile!,
                    selection.RoleArn!,
                    selection.RoleSessionName ?? _defaultSessionName,
                    _time,
                    _logger));
            // Both reach a metadata endpoint as soon as they are created; that waits for the first request.
            case AwsCredentialSource.ContainerCredentials:
                return new DeferredCredentials(() => new GenericContainerCredentials());
            case AwsCredentialSource.InstanceProfile:
                return new DeferredCredentials(() => new InstanceProfileAWSCredentials());
            default:
                return AWSCredentialsFactory.GetAWSCredentials(selection.Profile!, selection.ProfileSource!, true);
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }

    /// <summary>
    /// Turns a service name into a role session name STS accepts (2 to 64 characters of a fixed set).
    /// </summary>
    internal static string ToSessionName(string? serviceName)
    {
        string cleaned = SessionNameForbidden().Replace(serviceName ?? string.Empty, "-").Trim('-');
        if (cleaned.Length > 64)
        {
            cleaned = cleaned[..64];
        }

        return cleaned.Length < 2 ? "multiverse" : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9+=,.@_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNameForbidden();
}
