using System.Text.RegularExpressions;
using Amazon;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Tells region names the AWS SDK knows from typing mistakes.
/// </summary>
internal static partial class AwsRegionNames
{
    private static readonly HashSet<string> s_known = new(
        RegionEndpoint.EnumerableAllRegions.Select(region => region.SystemName),
        StringComparer.Ordinal);

    /// <summary>Returns whether the AWS SDK lists <paramref name="name"/> as a region.</summary>
    public static bool IsKnown(string name) => s_known.Contains(name);

    /// <summary>Returns whether <paramref name="name"/> has the shape of a region code, such as <c>eu-west-1</c>.</summary>
    public static bool IsWellFormed(string name) => RegionCode().IsMatch(name);

    /// <summary>
    /// Throws when <paramref name="name"/>, read from <paramref name="source"/>, is not a usable region name.
    /// </summary>
    /// <param name="name">The region name.</param>
    /// <param name="source">Where it was read: a setting path or an environment variable.</param>
    /// <param name="allowUnknown">Whether names the SDK does not list are accepted when they look like one.</param>
    public static void Check(string name, string source, bool allowUnknown)
    {
        if (FindProblem(name, source, allowUnknown) is string problem)
        {
            throw new Configuration.MultiverseConfigurationException(problem);
        }
    }

    /// <summary>Returns the message for an unusable region name, or <see langword="null"/> when it is fine.</summary>
    public static string? FindProblem(string name, string source, bool allowUnknown)
    {
        if (IsKnown(name) || (allowUnknown && IsWellFormed(name)))
        {
            return null;
        }

        string problem = allowUnknown
            ? "which does not look like an AWS region code"
            : "which is not an AWS region this AWS SDK knows";
        return $"The AWS region '{name}' from {source} is invalid, {problem}. Set {AwsSettingPaths.Region} "
            + "(environment variable Multiverse__Aws__Region) or AWS_REGION to a region code such as eu-west-1. "
            + $"For a region newer than this AWS SDK, set {AwsSettingPaths.AllowUnknownRegion} to true.";
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();
}
