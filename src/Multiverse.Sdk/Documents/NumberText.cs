using System.Globalization;
using System.Text;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// DynamoDB numbers as decimal text: validation, and an encoding whose byte order is the numeric order, so the
/// embedded provider sorts and compares numbers of up to 38 digits exactly, as DynamoDB does.
/// </summary>
internal static class NumberText
{
    private const int ExponentOffset = 500;

    public static bool IsValid(string text) => TryParse(text, out _, out _, out _);

    /// <summary>Returns the number's order-preserving encoding; equal numbers ("1.50", "1.5") encode equally.</summary>
    public static byte[] ToSortableKey(string text)
    {
        if (!TryParse(text, out bool negative, out string digits, out int exponent))
        {
            throw new FormatException($"'{text}' is not a number.");
        }

        if (digits.Length == 0)
        {
            return "1"u8.ToArray();
        }

        var builder = new StringBuilder(digits.Length + 7);
        if (negative)
        {
            builder.Append('0');
            builder.Append((9999 - (exponent + ExponentOffset)).ToString("D4", CultureInfo.InvariantCulture));
            foreach (char digit in digits)
            {
                builder.Append((char)('9' - digit + '0'));
            }

            // A longer negative mantissa is a smaller number, so it must sort before its own prefix.
            builder.Append('~');
        }
        else
        {
            builder.Append('2');
            builder.Append((exponent + ExponentOffset).ToString("D4", CultureInfo.InvariantCulture));
            builder.Append(digits);
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>
    /// Splits a number into sign, significant digits (no leading or trailing zeros) and the exponent that makes
    /// the value 0.digits × 10^exponent.
    /// </summary>
    private static bool TryParse(string text, out bool negative, out string digits, out int exponent)
    {
        negative = false;
        digits = string.Empty;
        exponent = 0;
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return false;
        }

        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        int exponentMark = span.IndexOfAny('e', 'E');
        int explicitExponent = 0;
        if (exponentMark >= 0)
        {
            if (!int.TryParse(span[(exponentMark + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out explicitExponent))
            {
                return false;
            }

            span = span[..exponentMark];
        }

        var mantissa = new StringBuilder(span.Length);
        int integerDigits = -1;
        for (int index = 0; index < span.Length; index++)
        {
            char character = span[index];
            if (character == '.')
            {
                if (integerDigits >= 0)
                {
                    return false;
                }

                integerDigits = mantissa.Length;
            }
            else if (char.IsAsciiDigit(character))
            {
                mantissa.Append(character);
            }
            else
            {
                return false;
            }
        }

        if (mantissa.Length == 0)
        {
            return false;
        }

        if (integerDigits < 0)
        {
            integerDigits = mantissa.Length;
        }

        string all = mantissa.ToString();
        int leadingZeros = 0;
        while (leadingZeros < all.Length && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        string significant = all[leadingZeros..].TrimEnd('0');
        if (significant.Length == 0)
        {
            negative = false;
            return true;
        }

        digits = significant;
        exponent = integerDigits - leadingZeros + explicitExponent;
        return true;
    }
}
