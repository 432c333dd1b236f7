namespace Multiverse.Sdk.Documents;

/// <summary>
/// When a put may replace what is stored.
/// </summary>
public enum PutCondition
{
    /// <summary>Always write, replacing any stored item with the same key.</summary>
    None,

    /// <summary>
    /// Write only if no item with the same key exists (an expired item counts as absent); otherwise
    /// <see cref="DocumentAlreadyExistsException"/>.
    /// </summary>
    IfNotExists,

    /// <summary>
    /// Write only if the stored version equals the item's version (version 0: no item stored); otherwise
    /// <see cref="DocumentConflictException"/>, or <see cref="DocumentNotFoundException"/> when the item is gone.
    /// Requires a declared version attribute.
    /// </summary>
    IfVersionMatches,
}
