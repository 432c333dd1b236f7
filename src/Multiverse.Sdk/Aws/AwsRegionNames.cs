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

    /// <summary>Returns whether <paramref name="name"/> looks like a region code such as <c>eu-west-1</c>.</summary>
    public static bool IsWellFormed(string name) => RegionCode().IsMatch(name);

    /// <summary>How to correct an unusable region name, for messages.</summary>
    public const string Fix = $"Use a region code such as eu-west-1; for a region newer than this AWS SDK, set "
        + $"{AwsSettingPaths.AllowUnknownRegion} to true";

    /// <summary>
    /// Throws when <paramref name="name"/>, read from <paramref name="source"/>, is not a usable region name.
    /// </summary>
    /// <param name="name">The region name.</param>
    /// <param name="source">Where it was read: a setting path, an environment variable or a profile.</param>
    /// <param name="allowUnknown">Whether names the SDK does not list are accepted when they look like one.</param>
    public static void Check(string name, string source, bool allowUnknown)
    {
        if (FindProblem(name, allowUnknown) is string problem)
        {
            throw new Configuration.MultiverseConfigurationException(
                $"The AWS region '{name}' from {source} {problem}. {Fix} (or correct {source}).");
        }
    }

    /// <summary>
    /// Returns what is wrong with <paramref name="name"/> as a clause ("is not ..."), or <see langword="null"/>.
    /// </summary>
    public static string? FindProblem(string name, bool allowUnknown)
    {
        if (IsKnown(name) || (allowUnknown && IsWellFormed(name)))
        {
            return null;
        }

        return allowUnknown ? "does not look like an AWS region code" : "is not an AWS region this AWS SDK knows";
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();
}
