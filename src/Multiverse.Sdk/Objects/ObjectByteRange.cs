namespace Multiverse.Sdk.Objects;

/// <summary>
/// An inclusive range of bytes of an object, as in an HTTP <c>Range: bytes=From-To</c> header.
/// </summary>
public readonly record struct ObjectByteRange
{
    /// <summary>Initializes a range from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The offset of the first byte.</param>
    /// <param name="to">The offset of the last byte, or <see langword="null"/> to read to the end.</param>
    public ObjectByteRange(long from, long? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to is long last)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(last, from, nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Gets the offset of the first byte.</summary>
    public long From { get; }

    /// <summary>Gets the offset of the last byte, or <see langword="null"/> for the end of the object.</summary>
    public long? To { get; }
}
