namespace Multiverse.Sdk.Documents;

/// <summary>
/// The DynamoDB type of a <see cref="DocumentValue"/>.
/// </summary>
public enum DocumentValueKind
{
    /// <summary>No value: a missing key part.</summary>
    None,

    /// <summary>A string (<c>S</c>).</summary>
    Text,

    /// <summary>A number (<c>N</c>), kept as its decimal text so no precision is lost.</summary>
    Number,

    /// <summary>Binary data (<c>B</c>).</summary>
    Binary,

    /// <summary>A Boolean (<c>BOOL</c>); usable in conditions, not in keys.</summary>
    Boolean,
}
