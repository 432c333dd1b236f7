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
    /// Converts a configuration path to the environment variable that sets it, for error messages.
    /// </summary>
    public static string ToEnvironmentVariable(string path) => path.Replace(":", "__", StringComparison.Ordinal);
}
