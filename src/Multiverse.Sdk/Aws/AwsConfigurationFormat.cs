using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Checks the raw text of the <c>Multiverse:Aws</c> settings that are not strings before they are bound, so a
/// value the binder cannot read gets a message that names the setting and the accepted form.
/// </summary>
internal static class AwsConfigurationFormat
{
    /// <summary>Throws a <see cref="MultiverseConfigurationException"/> for the first unreadable value.</summary>
    /// <param name="awsSection">The <c>Multiverse:Aws</c> section.</param>
    public static void Check(IConfigurationSection awsSection)
    {
        ArgumentNullException.ThrowIfNull(awsSection);
        ConfigurationBinding.RequireEnumName<RequestRetryMode>(awsSection, nameof(AwsOptions.RetryMode));
        ConfigurationBinding.RequireInt32(awsSection, nameof(AwsOptions.MaxAttempts));
        ConfigurationBinding.RequireTimeSpan(awsSection, nameof(AwsOptions.Timeout));
        ConfigurationBinding.RequireTimeSpan(awsSection, nameof(AwsOptions.ConnectTimeout));
        ConfigurationBinding.RequireBoolean(awsSection, nameof(AwsOptions.AllowUnknownRegion));
        ConfigurationBinding.RequireTimeSpan(
            awsSection.GetSection(nameof(AwsOptions.AssumeRole)),
            nameof(AssumeRoleOptions.Duration));
        IConfigurationSection s3 = awsSection.GetSection(nameof(AwsOptions.S3));
        ConfigurationBinding.RequireBoolean(s3, nameof(S3ServiceOptions.ForcePathStyle));
        ConfigurationBinding.RequireBoolean(s3, nameof(S3ServiceOptions.ChecksumOnlyWhenRequired));
    }
}
