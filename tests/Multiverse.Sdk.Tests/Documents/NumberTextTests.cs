using System.Globalization;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

public sealed class NumberTextTests
{
    [Fact]
    public void ToSortableKey_RandomNumbers_SortLikeTheirValues()
    {
        var random = new Random(20261203);
        decimal[] numbers = [.. Enumerable.Range(0, 2000).Select(_ => RandomDecimal(random)), 0m, -0m, 1m, -1m];

        decimal[] byKey =
        [
            .. numbers.OrderBy(
                number => NumberText.ToSortableKey(number.ToString(CultureInfo.InvariantCulture)),
                ByteOrder.Instance),
        ];

        Assert.Equal(numbers.Order(), byKey);
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("100", "1E2")]
    [InlineData("-0", "0.000")]
    [InlineData("0.001", "1e-3")]
    public void ToSortableKey_SameValueWrittenDifferently_IsTheSameKey(string left, string right)
    {
        Assert.Equal(NumberText.ToSortableKey(left), NumberText.ToSortableKey(right));
    }

    [Fact]
    public void ToSortableKey_ThirtyEightDigitNumbers_KeepTheirOrder()
    {
        byte[] smaller = NumberText.ToSortableKey("99999999999999999999999999999999999998");
        byte[] larger = NumberText.ToSortableKey("99999999999999999999999999999999999999");

        Assert.True(smaller.AsSpan().SequenceCompareTo(larger) < 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("--1")]
    public void IsValid_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(NumberText.IsValid(text));
    }

    private static decimal RandomDecimal(Random random)
    {
        decimal magnitude = (decimal)Math.Pow(10, random.Next(-6, 12));
        return Math.Round((decimal)(random.NextDouble() - 0.5) * magnitude, random.Next(0, 8));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
