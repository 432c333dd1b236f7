using System.Text.RegularExpressions;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Checks <c>Multiverse:Aws</c> at start-up. Every problem is reported at once, each naming the setting and the
/// fix, and start-up stops with a <see cref="MultiverseConfigurationException"/>.
/// </summary>
internal sealed partial class AwsOptionsValidator : IValidateOptions<MultiverseOptions>
{
    /// <summary>The shortest session STS grants.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMinutes(15);

    /// <summary>The longest session STS grants, for roles whose maximum session duration allows it.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(12);

    // The AWS SDK keeps timeouts in whole milliseconds in an int.
    private static readonly TimeSpan s_maximumTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    public ValidateOptionsResult Validate(string? name, MultiverseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = FindProblems(options.Aws);
        if (problems.Count > 0)
        {
            throw new MultiverseConfigurationException(string.Join(Environment.NewLine, problems));
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Returns one message per problem in <paramref name="options"/>.</summary>
    public static List<string> FindProblems(AwsOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Region)
            && AwsRegionNames.FindProblem(options.Region.Trim(), options.AllowUnknownRegion) is string regionProblem)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.Region,
                options.Region,
                regionProblem,
                AwsRegionNames.Fix));
        }

        CheckRetries(options, problems);
        CheckTimeout(options.Timeout, AwsSettingPaths.Timeout, problems);
        CheckTimeout(options.ConnectTimeout, AwsSettingPaths.ConnectTimeout, problems);
        CheckServiceUrl(options.DynamoDb, nameof(AwsOptions.DynamoDb), problems);
        CheckServiceUrl(options.S3, nameof(AwsOptions.S3), problems);
        CheckServiceUrl(options.Sts, nameof(AwsOptions.Sts), problems);
        CheckAssumeRole(options.AssumeRole, problems);
        CheckLocalCredentials(options.LocalCredentials, problems);
        return problems;
    }

    private static void CheckRetries(AwsOptions options, List<string> problems)
    {
        if (options.RetryMode is RequestRetryMode mode && !Enum.IsDefined(mode))
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.RetryMode,
                mode.ToString(),
                $"is not one of: {string.Join(", ", Enum.GetNames<RequestRetryMode>())}",
                "Set it to one of those names"));
        }

        if (options.MaxAttempts is < 1)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.MaxAttempts,
                options.MaxAttempts.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "is less than 1",
                "Set it to 1 for no retries, or more (the first attempt counts), or remove it for the SDK default"));
        }
    }

    private static void CheckTimeout(TimeSpan? timeout, string path, List<string> problems)
    {
        if (timeout is not TimeSpan value)
        {
            return;
        }

        if (value <= TimeSpan.Zero)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                path,
                value.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                "is not positive",
                "Set a positive time span such as 00:00:30, or remove it for the SDK default"));
        }
        else if (value > s_maximumTimeout)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                path,
                value.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                "is longer than the AWS SDK accepts (about 24 days)",
                "Write it as hours:minutes:seconds such as 00:00:30; a bare number is read as days"));
        }
    }

    private static void CheckServiceUrl(AwsServiceOptions service, string serviceName, List<string> problems)
    {
        if (service.ServiceUrl is not Uri url)
        {
            return;
        }

        bool usable = url.IsAbsoluteUri
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(url.Host);
        if (!usable)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.ServiceUrl(serviceName),
                url.OriginalString,
                "is not an absolute http or https URL",
                "Write the scheme and host, for example http://127.0.0.1:8000, or remove it to call AWS"));
        }
    }

    private static void CheckAssumeRole(AssumeRoleOptions assumeRole, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(assumeRole.RoleArn))
        {
            if (!string.IsNullOrWhiteSpace(assumeRole.ExternalId) || !string.IsNullOrWhiteSpace(assumeRole.SessionName))
            {
                problems.Add(
                    $"Settings under '{AwsSettingPaths.AssumeRole}' are set but '{AwsSettingPaths.RoleArn}' is not, "
                    + "so no role would be assumed. Set the role ARN (environment variable "
                    + $"{ConfigurationBinding.ToEnvironmentVariable(AwsSettingPaths.RoleArn)}), or remove the other "
                    + "assume-role settings.");
            }

            return;
        }

        if (!RoleArnPattern().IsMatch(assumeRole.RoleArn.Trim()))
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.RoleArn,
                assumeRole.RoleArn,
                "is not an IAM role ARN",
                "Write it as arn:aws:iam::<12-digit account id>:role/<role name>, for example "
                + "arn:aws:iam::123456789012:role/orders-service"));
        }

        if (assumeRole.ExternalId is string externalId && !ExternalIdPattern().IsMatch(externalId))
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.ExternalId,
                value: null,
                "is not an external id STS accepts",
                "Use 2 to 1224 letters, digits or the characters + = , . @ : / - _ (the value is not repeated "
                + "here because it may be confidential)"));
        }

        if (assumeRole.SessionName is string sessionName && !SessionNamePattern().IsMatch(sessionName))
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.SessionName,
                sessionName,
                "is not a role session name STS accepts",
                "Use 2 to 64 letters, digits or the characters + = , . @ - _"));
        }

        if (assumeRole.Duration < MinimumDuration || assumeRole.Duration > MaximumDuration)
        {
            problems.Add(ConfigurationBinding.InvalidSetting(
                AwsSettingPaths.Duration,
                assumeRole.Duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                "is outside what STS grants (15 minutes to 12 hours)",
                "Set a time span from 00:15:00 to 12:00:00, no longer than the role's maximum session duration"));
        }
    }

    private static void CheckLocalCredentials(LocalCredentialsOptions local, List<string> problems)
    {
        bool hasKeyId = !string.IsNullOrEmpty(local.AccessKeyId);
        bool hasSecret = !string.IsNullOrEmpty(local.SecretAccessKey);
        if (hasKeyId == hasSecret)
        {
            return;
        }

        string missing = hasKeyId ? AwsSettingPaths.SecretAccessKey : AwsSettingPaths.AccessKeyId;
        string present = hasKeyId ? AwsSettingPaths.AccessKeyId : AwsSettingPaths.SecretAccessKey;
        problems.Add(
            $"Setting '{present}' is set but '{missing}' is not. Set both (environment variable "
            + $"{ConfigurationBinding.ToEnvironmentVariable(missing)}) for a local server, or neither to use the "
            + "standard credential chain.");
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@:/_-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
