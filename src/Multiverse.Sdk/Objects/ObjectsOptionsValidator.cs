using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Checks <see cref="ObjectsOptions"/> at start-up; every message names the setting and the fix.
/// </summary>
internal static class ObjectsOptionsValidator
{
    private const string Section = "Multiverse:Objects";
    private const int MaxPartSize = 1024 * 1024 * 1024;
    private const int MaxConcurrentParts = 64;
    private const int MaxPartAttempts = 10;
    private const int MinimumSigningKeyBytes = 32;

    public static void Validate(ObjectsOptions options)
    {
        foreach (KeyValuePair<string, string> bucket in options.Buckets)
        {
            if (!IsValidBucketName(bucket.Value))
            {
                throw Invalid(
                    $"Buckets:{bucket.Key}",
                    $"'{bucket.Value}' is not a valid S3 bucket name",
                    "use 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter "
                    + "or digit");
            }
        }

        MultipartUploadOptions multipart = options.Multipart;
        if (multipart.PartSize is < MultipartUploadOptions.MinimumPartSize or > MaxPartSize)
        {
            throw Invalid("Multipart:PartSize", $"{multipart.PartSize} bytes is outside what S3 and one buffer allow",
                $"set it between {MultipartUploadOptions.MinimumPartSize} (5 MiB) and {MaxPartSize} (1 GiB)");
        }

        if (multipart.Threshold < 1)
        {
            throw Invalid(
                "Multipart:Threshold",
                $"{multipart.Threshold} bytes is not a size",
                "set it to 1 or more bytes");
        }

        if (multipart.MaxConcurrentParts is < 1 or > MaxConcurrentParts)
        {
            throw Invalid("Multipart:MaxConcurrentParts", $"{multipart.MaxConcurrentParts} is out of range",
                $"set it between 1 and {MaxConcurrentParts}");
        }

        if (multipart.PartAttempts is < 1 or > MaxPartAttempts)
        {
            throw Invalid("Multipart:PartAttempts", $"{multipart.PartAttempts} is out of range",
                $"set it between 1 and {MaxPartAttempts}");
        }

        EmbeddedObjectsOptions embedded = options.Embedded;
        if (string.IsNullOrWhiteSpace(embedded.RootPath))
        {
            throw Invalid("Embedded:RootPath", "it is empty", "set a folder path, or remove it to use the default");
        }

        if (embedded.PresignSigningKey is { Length: > 0 } signingKey && !IsStrongKey(signingKey))
        {
            throw Invalid("Embedded:PresignSigningKey", "it is not base64 for at least 32 bytes",
                "generate one with 'openssl rand -base64 32'");
        }

        if (embedded.PublicBaseUrl is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https")))
        {
            throw Invalid("Embedded:PublicBaseUrl", $"'{baseUrl}' is not an absolute http or https address",
                "set it to the address clients reach the application at, for example http://localhost:5000");
        }
    }

    public static bool IsValidBucketName(string name)
    {
        if (name.Length is < 3 or > 63 || !IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]))
        {
            return false;
        }

        return name.All(character => IsLetterOrDigit(character) || character is '-' or '.')
            && !name.Contains("..", StringComparison.Ordinal);
    }

    private static bool IsLetterOrDigit(char character) => character is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsStrongKey(string base64)
    {
        Span<byte> decoded = stackalloc byte[base64.Length];
        return Convert.TryFromBase64String(base64, decoded, out int length) && length >= MinimumSigningKeyBytes;
    }

    private static MultiverseConfigurationException Invalid(string key, string problem, string fix)
    {
        string setting = $"{Section}:{key}";
        return new MultiverseConfigurationException(
            $"Setting '{setting}' is invalid: {problem}. To fix it, {fix} "
            + $"(environment variable {ConfigurationBinding.ToEnvironmentVariable(setting)}).");
    }
}
