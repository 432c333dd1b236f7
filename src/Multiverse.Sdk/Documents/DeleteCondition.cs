namespace Multiverse.Sdk.Documents;

/// <summary>
/// When a delete may remove what is stored.
/// </summary>
public enum DeleteCondition
{
    /// <summary>Delete whatever is stored; deleting an absent item is not an error.</summary>
    None,

    /// <summary>Delete only if the item exists; otherwise <see cref="DocumentNotFoundException"/>.</summary>
    IfExists,

    /// <summary>
    /// Delete only if the stored version equals the given item's version; otherwise
    /// <see cref="DocumentConflictException"/> or <see cref="DocumentNotFoundException"/>. Requires a declared
    /// version attribute.
    /// </summary>
    IfVersionMatches,
}
