using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Finds the region: <c>Multiverse:Aws:Region</c>, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else
/// the region written in the selected profile.
/// </summary>
internal static class AwsRegionResolver
{
    /// <summary>Returns the region, or <see langword="null"/> when none is configured anywhere.</summary>
    public static AwsRegion? Find(AwsOptions options, AwsEnvironment environment, AwsProfiles profiles)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return new AwsRegion(options.Region.Trim(), AwsSettingPaths.Region);
        }

        if (environment.Get(AwsEnvironmentVariables.Region) is string region)
        {
            return new AwsRegion(region, AwsEnvironmentVariables.Region);
        }

        if (environment.Get(AwsEnvironmentVariables.DefaultRegion) is string defaultRegion)
        {
            return new AwsRegion(defaultRegion, AwsEnvironmentVariables.DefaultRegion);
        }

        string profileName = ProfileName(options, environment);
        return profiles.GetRegion(profileName) is string profileRegion
            ? new AwsRegion(profileRegion, $"profile '{profileName}' in {profiles.FilesDescription}")
            : null;
    }

    /// <summary>
    /// Returns the region, checked against the names the AWS SDK knows; throws when none is found or the name is
    /// unknown.
    /// </summary>
    public static AwsRegion Require(AwsOptions options, AwsEnvironment environment, AwsProfiles profiles)
    {
        AwsRegion region = Find(options, environment, profiles) ?? throw new MultiverseConfigurationException(
            "No AWS region is configured, and an AWS client was requested. Set "
            + $"{AwsSettingPaths.Region} (environment variable Multiverse__Aws__Region) or the AWS_REGION "
            + "environment variable to a region code such as eu-west-1, or add 'region = eu-west-1' to the AWS "
            + "profile in use. Lambda sets AWS_REGION itself.");
        AwsRegionNames.Check(region.Name, region.Source, options.AllowUnknownRegion);
        return region;
    }

    /// <summary>
    /// Returns the profile whose settings apply: the configured one, else <c>AWS_PROFILE</c>, else default.
    /// </summary>
    public static string ProfileName(AwsOptions options, AwsEnvironment environment) =>
        !string.IsNullOrWhiteSpace(options.Profile)
            ? options.Profile.Trim()
            : environment.Get(AwsEnvironmentVariables.Profile) ?? AwsProfiles.DefaultProfileName;
}
