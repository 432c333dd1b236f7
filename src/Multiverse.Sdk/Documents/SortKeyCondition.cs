namespace Multiverse.Sdk.Documents;

/// <summary>
/// A condition on the sort key of a query: equals, begins with, between, or a comparison.
/// </summary>
public sealed class SortKeyCondition
{
    private SortKeyCondition(SortKeyOperator @operator, DocumentValue value, DocumentValue upperBound = default)
    {
        Operator = @operator;
        Value = value;
        UpperBound = upperBound;
    }

    internal SortKeyOperator Operator { get; }

    internal DocumentValue Value { get; }

    internal DocumentValue UpperBound { get; }

    /// <summary>Matches sort keys equal to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition EqualTo(DocumentValue value) => new(SortKeyOperator.Equal, value);

    /// <summary>Matches string or binary sort keys that start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition BeginsWith(DocumentValue prefix) => new(SortKeyOperator.BeginsWith, prefix);

    /// <summary>Matches sort keys from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    /// <param name="low">The lowest value.</param>
    /// <param name="high">The highest value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition Between(DocumentValue low, DocumentValue high) =>
        new(SortKeyOperator.Between, low, high);

    /// <summary>Matches sort keys lower than <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition LessThan(DocumentValue value) => new(SortKeyOperator.LessThan, value);

    /// <summary>Matches sort keys lower than or equal to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition LessThanOrEqualTo(DocumentValue value) =>
        new(SortKeyOperator.LessThanOrEqual, value);

    /// <summary>Matches sort keys greater than <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition GreaterThan(DocumentValue value) => new(SortKeyOperator.GreaterThan, value);

    /// <summary>Matches sort keys greater than or equal to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static SortKeyCondition GreaterThanOrEqualTo(DocumentValue value) =>
        new(SortKeyOperator.GreaterThanOrEqual, value);
}
