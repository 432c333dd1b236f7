namespace Multiverse.Sdk.Documents;

internal enum SortKeyOperator
{
    Equal,
    BeginsWith,
    Between,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
