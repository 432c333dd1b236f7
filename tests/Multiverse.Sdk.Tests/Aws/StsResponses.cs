using System.Globalization;

namespace Multiverse.Sdk.Tests.Aws;

/// <summary>
/// STS answers in the XML format AWS documents for AssumeRole and AssumeRoleWithWebIdentity.
/// </summary>
public static class StsResponses
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static LoopbackResponse AssumeRole(TemporaryKey key, DateTimeOffset expiration) =>
        Xml("AssumeRole", key, expiration, "arn:aws:sts::123456789012:assumed-role/orders-reader/orders");

    public static LoopbackResponse AssumeRoleWithWebIdentity(TemporaryKey key, DateTimeOffset expiration) =>
        Xml("AssumeRoleWithWebIdentity", key, expiration, "arn:aws:sts::123456789012:assumed-role/deploy/ci");

    public static LoopbackResponse GetCallerIdentity() => new(
        200,
        "text/xml",
        $"""
        <GetCallerIdentityResponse xmlns="{Namespace}">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::123456789012:user/tester</Arn>
            <UserId>AIDAEXAMPLEUSERID</UserId>
            <Account>123456789012</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """);

    public static LoopbackResponse AccessDenied() => new(
        403,
        "text/xml",
        $"""
        <ErrorResponse xmlns="{Namespace}">
          <Error>
            <Type>Sender</Type>
            <Code>AccessDenied</Code>
            <Message>Not authorized to perform sts:AssumeRole</Message>
          </Error>
          <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
        </ErrorResponse>
        """);

    private static LoopbackResponse Xml(string action, TemporaryKey key, DateTimeOffset expiration, string assumedArn)
    {
        string expires = expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new LoopbackResponse(
            200,
            "text/xml",
            $"""
            <{action}Response xmlns="{Namespace}">
              <{action}Result>
                <AssumedRoleUser>
                  <Arn>{assumedArn}</Arn>
                  <AssumedRoleId>AROAEXAMPLEROLEID:session</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>{key.AccessKeyId}</AccessKeyId>
                  <SecretAccessKey>{key.SecretAccessKey}</SecretAccessKey>
                  <SessionToken>{key.SessionToken}</SessionToken>
                  <Expiration>{expires}</Expiration>
                </Credentials>
              </{action}Result>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </{action}Response>
            """);
    }
}

/// <summary>A temporary key as STS hands it out.</summary>
public sealed record TemporaryKey(string AccessKeyId, string SecretAccessKey, string SessionToken)
{
    public static TemporaryKey Numbered(int number) => new(
        $"ASIATEMPORARYKEY{number:D4}",
        $"temporary-secret-{number:D4}",
        $"temporary-session-token-{number:D4}");
}
