using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// A key value or a value compared in a condition: a string, a number, binary data or a Boolean. Converts
/// implicitly from <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="Guid"/>, <see cref="bool"/> and byte arrays.
/// </summary>
public readonly struct DocumentValue : IEquatable<DocumentValue>
{
    private readonly string? _text;
    private readonly byte[]? _bytes;

    private DocumentValue(DocumentValueKind kind, string? text, byte[]? bytes)
    {
        Kind = kind;
        _text = text;
        _bytes = bytes;
    }

    /// <summary>Gets the value's type; <see cref="DocumentValueKind.None"/> for a default or null value.</summary>
    public DocumentValueKind Kind { get; }

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string; <see langword="null"/> gives a value of kind None.</param>
    /// <returns>The value.</returns>
    public static DocumentValue FromString(string? value) =>
        value is null ? default : new DocumentValue(DocumentValueKind.Text, value, null);

    /// <summary>
    /// Creates a number value from its decimal text, for numbers of up to 38 significant digits that no .NET
    /// numeric type holds exactly.
    /// </summary>
    /// <param name="digits">The number, for example <c>12345678901234567890123456789012345678</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The text is not a number.</exception>
    public static DocumentValue FromNumber(string digits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digits);
        if (!NumberText.IsValid(digits))
        {
            throw new ArgumentException($"'{digits}' is not a number. Pass digits with an optional sign, "
                + "decimal point and exponent.", nameof(digits));
        }

        return new DocumentValue(DocumentValueKind.Number, digits, null);
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static DocumentValue FromNumber(decimal value) =>
        new(DocumentValueKind.Number, value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>Creates a binary value.</summary>
    /// <param name="value">The bytes; <see langword="null"/> gives a value of kind None.</param>
    /// <returns>The value.</returns>
    public static DocumentValue FromBinary(byte[]? value) =>
        value is null ? default : new DocumentValue(DocumentValueKind.Binary, null, value);

    /// <summary>Creates a Boolean value.</summary>
    /// <param name="value">The Boolean.</param>
    /// <returns>The value.</returns>
    public static DocumentValue FromBoolean(bool value) =>
        new(DocumentValueKind.Boolean, value ? "true" : "false", null);

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator DocumentValue(string? value) => FromString(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator DocumentValue(int value) =>
        new(DocumentValueKind.Number, value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator DocumentValue(long value) =>
        new(DocumentValueKind.Number, value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator DocumentValue(decimal value) => FromNumber(value);

    /// <summary>Converts a GUID to the string form System.Text.Json writes (lower case, with hyphens).</summary>
    /// <param name="value">The GUID.</param>
    public static implicit operator DocumentValue(Guid value) =>
        new(DocumentValueKind.Text, value.ToString("D"), null);

    /// <summary>Converts binary data.</summary>
    /// <param name="value">The bytes.</param>
    public static implicit operator DocumentValue(byte[]? value) => FromBinary(value);

    /// <summary>Converts a Boolean.</summary>
    /// <param name="value">The Boolean.</param>
    public static implicit operator DocumentValue(bool value) => FromBoolean(value);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same type and value.</returns>
    public static bool operator ==(DocumentValue left, DocumentValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ in type or value.</returns>
    public static bool operator !=(DocumentValue left, DocumentValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(DocumentValue other) =>
        Kind == other.Kind
        && string.Equals(_text, other._text, StringComparison.Ordinal)
        && (_bytes ?? []).AsSpan().SequenceEqual(other._bytes ?? []);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DocumentValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _text, _bytes?.Length);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DocumentValueKind.None => "(none)",
        DocumentValueKind.Binary => Convert.ToBase64String(_bytes!),
        _ => _text!,
    };

    internal AttributeValue ToAttributeValue() => Kind switch
    {
        DocumentValueKind.Text => new AttributeValue { S = _text },
        DocumentValueKind.Number => new AttributeValue { N = _text },
        DocumentValueKind.Binary => new AttributeValue { B = new MemoryStream(_bytes!, writable: false) },
        DocumentValueKind.Boolean => new AttributeValue { BOOL = _text == "true" },
        _ => throw new InvalidOperationException("A value of kind None has no attribute value."),
    };
}
