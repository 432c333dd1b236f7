using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// The AWS client setup's log messages. They name sources, roles and regions; never keys, secrets or tokens.
/// </summary>
internal static partial class AwsLog
{
    [LoggerMessage(
        EventId = 1201,
        EventName = "AwsCredentialSourceChosen",
        Level = LogLevel.Information,
        Message = "AWS credentials come from {CredentialSource}: {CredentialSourceDetail}")]
    public static partial void CredentialSourceChosen(
        ILogger logger,
        AwsCredentialSource credentialSource,
        string credentialSourceDetail);

    [LoggerMessage(
        EventId = 1202,
        EventName = "AwsRegionChosen",
        Level = LogLevel.Information,
        Message = "AWS region {Region} comes from {RegionSource}")]
    public static partial void RegionChosen(ILogger logger, string region, string regionSource);

    [LoggerMessage(
        EventId = 1203,
        EventName = "AwsAssumingRole",
        Level = LogLevel.Information,
        Message = "AWS clients assume role {RoleArn} as session {RoleSessionName} for {DurationSeconds} s at a time")]
    public static partial void AssumingRole(
        ILogger logger,
        string roleArn,
        string roleSessionName,
        int durationSeconds);

    [LoggerMessage(
        EventId = 1204,
        EventName = "AwsEndpointOverridden",
        Level = LogLevel.Information,
        Message = "AWS {Service} client calls {ServiceUrl}, signing for region {Region}")]
    public static partial void EndpointOverridden(ILogger logger, string service, Uri serviceUrl, string region);

    [LoggerMessage(
        EventId = 1205,
        EventName = "AwsCredentialsRefreshed",
        Level = LogLevel.Debug,
        Message = "Temporary AWS credentials for role {RoleArn} fetched from STS; they expire at {Expiration:O}")]
    public static partial void CredentialsRefreshed(ILogger logger, string roleArn, DateTimeOffset expiration);

    [LoggerMessage(
        EventId = 1206,
        EventName = "AwsCredentialRefreshFailed",
        Level = LogLevel.Warning,
        Message = "Refreshing the AWS credentials for role {RoleArn} failed; the current ones stay in use until "
            + "{Expiration:O}")]
    public static partial void CredentialRefreshFailed(
        ILogger logger,
        Exception exception,
        string roleArn,
        DateTimeOffset expiration);
}
