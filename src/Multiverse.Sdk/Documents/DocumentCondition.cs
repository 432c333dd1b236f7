using Amazon.DynamoDBv2.Model;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// A condition on the stored item that a write requires, built from attribute tests and combined with
/// <c>&amp;</c>, <c>|</c> and <c>!</c>. Attribute names are the item's top-level attribute (JSON property) names.
/// Both providers evaluate it with DynamoDB's rules: values of different types never compare as equal or ordered.
/// </summary>
public abstract class DocumentCondition
{
    private protected DocumentCondition()
    {
    }

    /// <summary>Holds when the attribute is stored (any value, <c>null</c> included).</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition AttributeExists(string attributeName) => new Exists(attributeName, true);

    /// <summary>Holds when the attribute is not stored, or no item is stored.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition AttributeNotExists(string attributeName) => new Exists(attributeName, false);

    /// <summary>Holds when the attribute equals <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition EqualTo(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, "=", value);

    /// <summary>Holds when the attribute is stored and differs from <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition NotEqualTo(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, "<>", value);

    /// <summary>Holds when the attribute is lower than <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition LessThan(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, "<", value);

    /// <summary>Holds when the attribute is lower than or equal to <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition LessThanOrEqualTo(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, "<=", value);

    /// <summary>Holds when the attribute is greater than <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition GreaterThan(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, ">", value);

    /// <summary>Holds when the attribute is greater than or equal to <paramref name="value"/>.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition GreaterThanOrEqualTo(string attributeName, DocumentValue value) =>
        new Comparison(attributeName, ">=", value);

    /// <summary>Holds when both conditions hold.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition And(DocumentCondition left, DocumentCondition right) =>
        new Combination(left, right, isAnd: true);

    /// <summary>Holds when either condition holds.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition Or(DocumentCondition left, DocumentCondition right) =>
        new Combination(left, right, isAnd: false);

    /// <summary>Holds when <paramref name="condition"/> does not.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition Not(DocumentCondition condition) => new Negation(condition);

    /// <summary>Holds when both conditions hold.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition operator &(DocumentCondition left, DocumentCondition right) => And(left, right);

    /// <summary>Holds when either condition holds.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition operator |(DocumentCondition left, DocumentCondition right) => Or(left, right);

    /// <summary>Holds when <paramref name="condition"/> does not.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The condition.</returns>
    public static DocumentCondition operator !(DocumentCondition condition) => Not(condition);

    /// <summary>Renders the condition as a DynamoDB condition expression.</summary>
    internal abstract string Render(ExpressionBuilder expression);

    /// <summary>Evaluates the condition against a stored item, or against no item.</summary>
    internal abstract bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item);

    private sealed class Exists(string attributeName, bool exists) : DocumentCondition
    {
        internal override string Render(ExpressionBuilder expression) =>
            (exists ? "attribute_exists(" : "attribute_not_exists(") + expression.Name(attributeName) + ")";

        internal override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
            (item is not null && item.ContainsKey(attributeName)) == exists;
    }

    private sealed class Comparison : DocumentCondition
    {
        private readonly string _attributeName;
        private readonly string _operator;
        private readonly AttributeValue _value;

        public Comparison(string attributeName, string @operator, DocumentValue value)
        {
            ArgumentException.ThrowIfNullOrEmpty(attributeName);
            if (value.Kind is DocumentValueKind.None)
            {
                throw new ArgumentException(
                    $"The condition on '{attributeName}' needs a value; use AttributeNotExists to test for absence.",
                    nameof(value));
            }

            _attributeName = attributeName;
            _operator = @operator;
            _value = value.ToAttributeValue();
        }

        internal override string Render(ExpressionBuilder expression) =>
            $"{expression.Name(_attributeName)} {_operator} {expression.Value(_value)}";

        internal override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item)
        {
            if (item is null || !item.TryGetValue(_attributeName, out AttributeValue? stored))
            {
                return false;
            }

            int? order = AttributeValues.Compare(stored, _value);
            return _operator switch
            {
                "=" => order == 0,
                "<>" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
        }
    }

    private sealed class Combination(DocumentCondition left, DocumentCondition right, bool isAnd) : DocumentCondition
    {
        internal override string Render(ExpressionBuilder expression) =>
            $"({left.Render(expression)}) {(isAnd ? "AND" : "OR")} ({right.Render(expression)})";

        internal override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
            isAnd ? left.Evaluate(item) && right.Evaluate(item) : left.Evaluate(item) || right.Evaluate(item);
    }

    private sealed class Negation(DocumentCondition condition) : DocumentCondition
    {
        internal override string Render(ExpressionBuilder expression) => $"NOT ({condition.Render(expression)})";

        internal override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
            !condition.Evaluate(item);
    }
}
