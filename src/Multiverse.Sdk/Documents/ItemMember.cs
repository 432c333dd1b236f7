using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// One top-level member of an item that the mapper reads or writes on its own, without serializing the whole item:
/// scalars directly to and from attribute values, anything else through JSON of the member alone.
/// </summary>
internal sealed class ItemMember
{
    public ItemMember(JsonPropertyInfo property, JsonTypeInfo typeInfo, AttributeShape? shape, DirectKind direct)
    {
        Property = property;
        TypeInfo = typeInfo;
        Shape = shape;
        Direct = direct;
        AcceptsNull = !property.PropertyType.IsValueType
            || Nullable.GetUnderlyingType(property.PropertyType) is not null;
    }

    /// <summary>Gets the member's metadata: its JSON name, getter, setter and serialization condition.</summary>
    public JsonPropertyInfo Property { get; }

    /// <summary>Gets the metadata of the member's declared type, to serialize the member's value alone.</summary>
    public JsonTypeInfo TypeInfo { get; }

    /// <summary>Gets how the member's JSON becomes attribute values (sets, binary, numbers stored as text).</summary>
    public AttributeShape? Shape { get; }

    /// <summary>Gets the member type mapped without JSON, or <see cref="DirectKind.None"/>.</summary>
    public DirectKind Direct { get; }

    /// <summary>Gets whether the member's type holds null, which the serializer reads from a JSON null.</summary>
    public bool AcceptsNull { get; }
}

/// <summary>
/// The member types whose attribute values the mapper writes and reads without JSON: scalars, their nullable forms,
/// and lists of strings.
/// </summary>
internal enum DirectKind
{
    None,
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    Guid,
    StringList,
}
