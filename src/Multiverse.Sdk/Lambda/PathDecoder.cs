using System.Text;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Decodes a raw request path the way Kestrel does: percent-escapes become characters (as UTF-8), except
/// <c>%2F</c>, which stays escaped so an encoded slash never splits a path segment.
/// </summary>
internal static class PathDecoder
{
    public static string Decode(string rawPath)
    {
        if (!rawPath.Contains('%', StringComparison.Ordinal))
        {
            return rawPath;
        }

        byte[] source = Encoding.UTF8.GetBytes(rawPath);
        byte[] decoded = new byte[source.Length];
        int length = 0;
        for (int index = 0; index < source.Length; index++)
        {
            if (source[index] == '%'
                && index + 2 < source.Length
                && TryHex(source[index + 1], source[index + 2], out byte value)
                && value != '/')
            {
                decoded[length++] = value;
                index += 2;
                continue;
            }

            decoded[length++] = source[index];
        }

        return Encoding.UTF8.GetString(decoded, 0, length);
    }

    private static bool TryHex(byte high, byte low, out byte value)
    {
        int result = (HexValue(high) << 4) | HexValue(low);
        value = (byte)result;
        return HexValue(high) >= 0 && HexValue(low) >= 0;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
