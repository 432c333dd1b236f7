using System.Text;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Checks object keys against S3's rules, and against escaping the embedded provider's root folder.
/// </summary>
internal static class ObjectKeys
{
    public const int MaxKeyBytes = 1024;

    public static void Validate(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidObjectKeyException("The object key is empty. Give every object a key of 1 to 1024 bytes.");
        }

        int byteCount = Encoding.UTF8.GetByteCount(key);
        if (byteCount > MaxKeyBytes)
        {
            throw new InvalidObjectKeyException(
                $"The object key is {byteCount} bytes long in UTF-8; S3 accepts at most {MaxKeyBytes}. "
                + "Use a shorter key.");
        }

        for (int index = 0; index < key.Length; index++)
        {
            char character = key[index];
            if (char.IsControl(character))
            {
                throw new InvalidObjectKeyException(
                    $"The object key '{Printable(key)}' contains the control character U+{(int)character:X4} at index "
                    + $"{index}. Remove control characters (including NUL, tab and line breaks) from keys.");
            }

            bool pairedHigh = char.IsHighSurrogate(character)
                && index + 1 < key.Length
                && char.IsLowSurrogate(key[index + 1]);
            if (pairedHigh)
            {
                index++;
            }
            else if (char.IsSurrogate(character))
            {
                throw new InvalidObjectKeyException(
                    $"The object key '{Printable(key)}' has a broken UTF-16 surrogate at index {index}; it cannot be "
                    + "encoded as UTF-8. Build keys from whole Unicode characters.");
            }
        }
    }

    /// <summary>
    /// The embedded provider keeps objects under a root folder; keys that look like paths leaving it are refused
    /// so that the same key never behaves differently there and in S3 through a path trick.
    /// </summary>
    public static void ValidateForFileSystem(string key)
    {
        Validate(key);
        if (key[0] is '/' or '\\' || Path.IsPathRooted(key) || (key.Length > 1 && key[1] == ':'))
        {
            throw new InvalidObjectKeyException(
                $"The object key '{key}' is an absolute path, which the embedded provider refuses because it could "
                + "leave its root folder. Use a relative key such as 'reports/2024/summary.pdf'.");
        }

        foreach (string segment in key.Split('/', '\\'))
        {
            if (segment == "..")
            {
                throw new InvalidObjectKeyException(
                    $"The object key '{key}' contains the segment '..', which the embedded provider refuses because it "
                    + "could leave its root folder. Remove '..' from the key.");
            }
        }
    }

    private static string Printable(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (char character in key)
        {
            builder.Append(char.IsControl(character) ? '?' : character);
        }

        return builder.ToString();
    }
}
