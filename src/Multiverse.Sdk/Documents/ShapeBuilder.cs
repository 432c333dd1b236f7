using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Builds the <see cref="AttributeShape"/> tree of a type from its System.Text.Json metadata, once per table.
/// </summary>
internal static class ShapeBuilder
{
    public static AttributeShape Build(JsonSerializerOptions options, Type type, IReadOnlySet<string> numberAttributes)
    {
        var seen = new Dictionary<Type, AttributeShape>();
        AttributeShape root = Build(options, type, seen);
        foreach (PropertyShape property in root.Properties)
        {
            if (numberAttributes.Contains(property.Name))
            {
                property.Shape.Kind = AttributeShapeKind.NumberText;
            }
        }

        MarkDirectStrings(options.GetTypeInfo(type), root);
        return root;
    }

    /// <summary>
    /// Marks the top-level string members that need no JSON round trip: the serializer writes them with its own
    /// string converter and (for reading) fills them with a plain setter call after construction. Anything that
    /// could make the JSON differ from the member (a custom converter, polymorphism, a constructor parameter, a
    /// required member, an after-deserialization callback, a value type, extension data whose keys could repeat a
    /// member's name) keeps the JSON route.
    /// </summary>
    private static void MarkDirectStrings(JsonTypeInfo typeInfo, AttributeShape root)
    {
        JsonSerializerOptions options = typeInfo.Options;
        if (typeInfo.Kind != JsonTypeInfoKind.Object
            || typeInfo.PolymorphismOptions is not null
            || typeInfo.Type.IsValueType
            || typeInfo.Properties.Any(property => property.IsExtensionData)
            || options.Converters.Any(converter => converter.CanConvert(typeof(string))))
        {
            return;
        }

        bool writable = typeInfo.OnDeserialized is null;
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string)
                || property.Get is null
                || property.CustomConverter is not null
                || root.Property(property.Name) is not { } shape
                || shape.Shape.Kind != AttributeShapeKind.Plain)
            {
                continue;
            }

            shape.ReadableString = property;
            shape.WritableString = writable
                && property.Set is not null
                && !property.IsRequired
                && property.AssociatedParameter is null;
        }
    }

    private static AttributeShape Build(JsonSerializerOptions options, Type type, Dictionary<Type, AttributeShape> seen)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(byte[])
            || underlying == typeof(ReadOnlyMemory<byte>)
            || underlying == typeof(Memory<byte>))
        {
            return new AttributeShape(AttributeShapeKind.Binary);
        }

        if (seen.TryGetValue(underlying, out AttributeShape? known))
        {
            return known;
        }

        JsonTypeInfo typeInfo = options.GetTypeInfo(underlying);
        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object => BuildObject(options, underlying, typeInfo, seen),
            JsonTypeInfoKind.Enumerable => BuildCollection(options, underlying, typeInfo, seen),
            JsonTypeInfoKind.Dictionary => BuildDictionary(options, underlying, typeInfo, seen),
            _ => new AttributeShape(AttributeShapeKind.Plain),
        };
    }

    private static AttributeShape BuildObject(
        JsonSerializerOptions options,
        Type type,
        JsonTypeInfo typeInfo,
        Dictionary<Type, AttributeShape> seen)
    {
        var shape = new AttributeShape(AttributeShapeKind.Object);
        seen[type] = shape;
        var properties = new List<PropertyShape>(typeInfo.Properties.Count);
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.Get is null)
            {
                continue;
            }

            // Scalar shapes are never shared, so marking one property as number text changes only that property.
            AttributeShape propertyShape = Build(options, property.PropertyType, seen);
            if (propertyShape.Kind == AttributeShapeKind.Plain)
            {
                propertyShape = new AttributeShape(AttributeShapeKind.Plain);
            }

            properties.Add(new PropertyShape(property.Name, propertyShape));
        }

        shape.Properties = [.. properties];
        shape.PropertiesByName = properties.ToDictionary(
            property => property.Name,
            property => property,
            StringComparer.Ordinal);
        return shape;
    }

    private static AttributeShape BuildCollection(
        JsonSerializerOptions options,
        Type type,
        JsonTypeInfo typeInfo,
        Dictionary<Type, AttributeShape> seen)
    {
        Type elementType = Nullable.GetUnderlyingType(typeInfo.ElementType!) ?? typeInfo.ElementType!;
        var shape = new AttributeShape(AttributeShapeKind.Collection);
        seen[type] = shape;
        shape.Element = Build(options, elementType, seen);
        if (IsSet(type, elementType))
        {
            shape.Kind = elementType == typeof(string) ? AttributeShapeKind.StringSet : AttributeShapeKind.NumberSet;
        }

        return shape;
    }

    private static AttributeShape BuildDictionary(
        JsonSerializerOptions options,
        Type type,
        JsonTypeInfo typeInfo,
        Dictionary<Type, AttributeShape> seen)
    {
        var shape = new AttributeShape(AttributeShapeKind.Dictionary);
        seen[type] = shape;
        shape.Element = Build(options, typeInfo.ElementType!, seen);
        return shape;
    }

    private static bool IsSet(Type collection, Type element)
    {
        if (element == typeof(string))
        {
            return IsSetOf<string>(collection);
        }

        return (element == typeof(int) && IsSetOf<int>(collection))
            || (element == typeof(long) && IsSetOf<long>(collection))
            || (element == typeof(decimal) && IsSetOf<decimal>(collection))
            || (element == typeof(double) && IsSetOf<double>(collection));
    }

    private static bool IsSetOf<TElement>(Type collection) =>
        collection.IsAssignableTo(typeof(IReadOnlySet<TElement>)) || collection.IsAssignableTo(typeof(ISet<TElement>));
}
