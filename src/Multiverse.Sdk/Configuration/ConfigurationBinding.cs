using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Multiverse.Sdk.Configuration;

/// <summary>
/// Binds options from configuration and turns binder failures into messages that name the setting.
/// Every feature binds through here so that all configuration errors read the same way.
/// </summary>
internal static class ConfigurationBinding
{
    /// <summary>
    /// Checks that the value at <paramref name="key"/> under <paramref name="section"/>, when present, names a
    /// member of <typeparamref name="TEnum"/>. Call it before binding so the message can list the choices.
    /// </summary>
    public static void RequireEnumName<TEnum>(IConfigurationSection section, string key)
        where TEnum : struct, Enum
    {
        string? value = section[key];
        if (string.IsNullOrWhiteSpace(value) || Enum.TryParse<TEnum>(value, ignoreCase: true, out _))
        {
            return;
        }

        string choices = string.Join(", ", Enum.GetNames<TEnum>());
        throw new MultiverseConfigurationException(
            $"Setting '{section.Path}:{key}' has the value '{value}', which is not one of: {choices}. "
            + $"Set it to one of those names (environment variable {ToEnvironmentVariable($"{section.Path}:{key}")}).");
    }

    /// <summary>
    /// Checks that the value at <paramref name="key"/> under <paramref name="section"/>, when present, is a
    /// time span the configuration binder can read. A bare number is refused too: .NET reads "30" as thirty
    /// days, which is never what a timeout setting means. Call it before binding so the message shows the format.
    /// </summary>
    public static void RequireTimeSpan(IConfigurationSection section, string key) => RequireReadable(
        section,
        key,
        value => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
            && value.Contains(':', StringComparison.Ordinal),
        "is not a time span in hours:minutes:seconds (a bare number would be read as days)",
        "Write it as hours:minutes:seconds, for example 00:00:30 for thirty seconds");

    /// <summary>
    /// Checks that the value at <paramref name="key"/> under <paramref name="section"/>, when present, is a
    /// whole number. Call it before binding so the message names the setting.
    /// </summary>
    public static void RequireInt32(IConfigurationSection section, string key) => RequireReadable(
        section,
        key,
        value => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "is not a whole number",
        "Write it as digits only, for example 3");

    /// <summary>
    /// Checks that the value at <paramref name="key"/> under <paramref name="section"/>, when present, is
    /// <c>true</c> or <c>false</c>. Call it before binding so the message names the setting.
    /// </summary>
    public static void RequireBoolean(IConfigurationSection section, string key) => RequireReadable(
        section,
        key,
        value => bool.TryParse(value, out _),
        "is not a boolean",
        "Set it to true or false");

    /// <summary>
    /// Builds the message for a setting whose value is wrong: the setting's path, its value, the problem, the fix
    /// and the environment variable that sets it.
    /// </summary>
    /// <param name="path">The setting's full path, for example <c>Multiverse:Aws:Region</c>.</param>
    /// <param name="value">The value found; <see langword="null"/> when it must not be repeated.</param>
    /// <param name="problem">What is wrong, as a clause that starts with a verb ("is not a time span").</param>
    /// <param name="fix">How to correct it, as a sentence without the final full stop.</param>
    public static string InvalidSetting(string path, string? value, string problem, string fix)
    {
        string found = value is null
            ? $"Setting '{path}' {problem}"
            : $"Setting '{path}' has the value '{value}', which {problem}";
        return $"{found}. {fix} (environment variable {ToEnvironmentVariable(path)}).";
    }

    private static void RequireReadable(
        IConfigurationSection section,
        string key,
        Func<string, bool> canRead,
        string problem,
        string fix)
    {
        string? value = section[key];
        if (string.IsNullOrWhiteSpace(value) || canRead(value))
        {
            return;
        }

        throw new MultiverseConfigurationException(InvalidSetting($"{section.Path}:{key}", value, problem, fix));
    }

    /// <summary>
    /// Runs <paramref name="bind"/> (a <c>section.Bind(options)</c> call, kept at the call site so the configuration
    /// binding source generator can see its type) and turns a binder failure into a message that names the section
    /// and shows how to set <paramref name="exampleKey"/> through an environment variable.
    /// </summary>
    public static void Bind(IConfigurationSection section, string exampleKey, Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException exception)
        {
            throw new MultiverseConfigurationException(
                $"The '{section.Path}' configuration section could not be read: {exception.Message} Correct that "
                + "value in appsettings.json or in the matching environment variable (':' becomes '__', for example "
                + $"{ToEnvironmentVariable($"{section.Path}:{exampleKey}")}).",
                exception);
        }
    }

    /// <summary>
    /// Converts a configuration path to the environment variable that sets it, for error messages.
    /// </summary>
    public static string ToEnvironmentVariable(string path) => path.Replace(":", "__", StringComparison.Ordinal);
}
