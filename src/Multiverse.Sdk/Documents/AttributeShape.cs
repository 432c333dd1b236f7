using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// What the JSON metadata says about one value, where JSON alone cannot tell the DynamoDB type: base64 strings
/// that are binary, strings that are numbers, arrays that are sets, and the shapes of nested members.
/// </summary>
internal sealed class AttributeShape
{
    public AttributeShape(AttributeShapeKind kind)
    {
        Kind = kind;
    }

    public AttributeShapeKind Kind { get; set; }

    /// <summary>The properties of an object, in the order the serializer writes them.</summary>
    public PropertyShape[] Properties { get; set; } = [];

    public Dictionary<string, PropertyShape>? PropertiesByName { get; set; }

    /// <summary>The element shape of a collection or set, or the value shape of a dictionary.</summary>
    public AttributeShape? Element { get; set; }

    public PropertyShape? Property(string name) =>
        PropertiesByName is not null && PropertiesByName.TryGetValue(name, out PropertyShape? property)
            ? property
            : null;
}

internal sealed class PropertyShape
{
    public PropertyShape(string name, AttributeShape shape)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        EncodedName = JsonEncodedText.Encode(name);
        Shape = shape;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    /// <summary>The name escaped once, so writing it costs no transcoding or escaping per item.</summary>
    public JsonEncodedText EncodedName { get; }

    public AttributeShape Shape { get; }

    /// <summary>
    /// The metadata of a top-level string member whose JSON value is always the member's own string, so the mapper
    /// can take the string from the item instead of writing, parsing and copying it.
    /// </summary>
    public JsonPropertyInfo? ReadableString { get; set; }

    /// <summary>
    /// Set when the serializer would also fill this string member with a plain setter call, so reading an item can
    /// assign the stored string directly after the rest of the item is deserialized.
    /// </summary>
    public bool WritableString { get; set; }
}

internal enum AttributeShapeKind
{
    Plain,
    Binary,
    NumberText,
    StringSet,
    NumberSet,
    Object,
    Collection,
    Dictionary,
}
