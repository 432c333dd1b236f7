using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Replaces the values of known secrets wherever they appear in text about to be logged: credentials and session
/// tokens from the environment, and configuration values whose keys mark them as secret.
/// </summary>
/// <remarks>
/// Values shorter than <see cref="MinimumSecretLength"/> characters, numbers and booleans are never treated as
/// secrets: replacing every "true" or "3600" in the logs would hide more than it protects.
/// </remarks>
internal sealed class SecretRedactor
{
    public const string Replacement = "[redacted]";

    public const int MinimumSecretLength = 6;

    private static readonly string[] s_secretVariables =
    [
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_ACCESS_KEY_ID",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    ];

    private static readonly string[] s_secretKeyMarkers =
    [
        "secret",
        "password",
        "passwd",
        "passphrase",
        "token",
        "apikey",
        "api_key",
        "api-key",
        "accesskey",
        "access_key",
        "privatekey",
        "private_key",
        "connectionstring",
        "credential",
    ];

    private readonly IConfiguration? _configuration;
    private readonly IEnvironmentVariables _environment;
    private readonly Lock _addedLock = new();
    private readonly List<string> _added = [];
    private volatile SecretSet _secrets = SecretSet.Empty;

    public SecretRedactor(IConfiguration? configuration, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        _configuration = configuration;
        _environment = environment;
        Rebuild();
        if (configuration is not null)
        {
            ChangeToken.OnChange(configuration.GetReloadToken, Rebuild);
        }
    }

    /// <summary>Gets a value indicating whether there is any secret to look for.</summary>
    public bool HasSecrets => _secrets.Values.Length > 0;

    /// <summary>
    /// Returns whether a configuration key names a secret setting, such as <c>Payments:ApiKey</c> or
    /// <c>ConnectionStrings:Orders</c>.
    /// </summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        foreach (string marker in s_secretKeyMarkers)
        {
            if (key.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string variable in s_secretVariables)
        {
            if (key.Equals(variable, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds a secret learnt at run time, for example credentials received from STS, to the values replaced.
    /// </summary>
    public void AddSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        lock (_addedLock)
        {
            _added.Add(value);
        }

        Rebuild();
    }

    /// <summary>Returns <paramref name="text"/> with each secret replaced; the same instance if none.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        SecretSet secrets = _secrets;
        if (secrets.Values.Length == 0)
        {
            return text;
        }

        ReadOnlySpan<char> remaining = text.AsSpan();
        int index = remaining.IndexOfAny(secrets.Search);
        if (index < 0)
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length);
        while (index >= 0)
        {
            redacted.Append(remaining[..index]).Append(Replacement);
            remaining = remaining[(index + secrets.LengthAt(remaining[index..]))..];
            index = remaining.IndexOfAny(secrets.Search);
        }

        return redacted.Append(remaining).ToString();
    }

    private static bool CanBeSecret(string? value) =>
        value is { Length: >= MinimumSecretLength }
        && !bool.TryParse(value, out _)
        && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private void Rebuild()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (string variable in s_secretVariables)
        {
            AddValue(values, _environment.Get(variable));
        }

        if (_configuration is not null)
        {
            foreach (KeyValuePair<string, string?> setting in _configuration.AsEnumerable())
            {
                if (IsSecretKey(setting.Key))
                {
                    AddValue(values, setting.Value);
                }
            }
        }

        lock (_addedLock)
        {
            foreach (string value in _added)
            {
                AddValue(values, value);
            }
        }

        _secrets = SecretSet.Create(values);
    }

    private static void AddValue(HashSet<string> values, string? value)
    {
        if (!CanBeSecret(value))
        {
            return;
        }

        values.Add(value!);

        // Secrets also travel inside URLs, for example the session token of a presigned S3 URL.
        string escaped = Uri.EscapeDataString(value!);
        if (!escaped.Equals(value, StringComparison.Ordinal))
        {
            values.Add(escaped);
        }
    }

    private sealed class SecretSet
    {
        public static readonly SecretSet Empty = new([]);

        private SecretSet(string[] values)
        {
            // Longest first, so a secret that contains another is replaced whole.
            Values = values;
            Search = SearchValues.Create(values, StringComparison.Ordinal);
        }

        public string[] Values { get; }

        public SearchValues<string> Search { get; }

        public static SecretSet Create(IEnumerable<string> values) =>
            new([.. values.OrderByDescending(value => value.Length).ThenBy(value => value, StringComparer.Ordinal)]);

        public int LengthAt(ReadOnlySpan<char> text)
        {
            foreach (string value in Values)
            {
                if (text.StartsWith(value, StringComparison.Ordinal))
                {
                    return value.Length;
                }
            }

            return 1;
        }
    }
}
