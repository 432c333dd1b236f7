using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>
    /// Plans member-by-member mapping of the item's top-level object, for writing or for reading, when the metadata
    /// proves the result is the same as serializing the whole item: every member keeps the converter, naming and
    /// conditions of its own declared type. Returns <see langword="null"/> when anything set on the item type, one
    /// of its members or the options could act across members (callbacks, extension data, reference handling,
    /// constructor parameters, required members, a member's own converter or number handling, ignore defaults,
    /// populating, case-insensitive names), so the item goes through JSON as a whole.
    /// </summary>
    public static ItemMember[]? BuildMembers(JsonTypeInfo typeInfo, AttributeShape root, bool forReading)
    {
        JsonSerializerOptions options = typeInfo.Options;
        if (typeInfo.Kind != JsonTypeInfoKind.Object
            || typeInfo.Type.IsValueType
            || typeInfo.PolymorphismOptions is not null
            || typeInfo.NumberHandling is not null
            || options.NumberHandling != JsonNumberHandling.Strict
            || options.ReferenceHandler is not null
            || options.DefaultIgnoreCondition != JsonIgnoreCondition.Never
            || IgnoresNullValues(options)
            || options.IgnoreReadOnlyProperties
            || options.IgnoreReadOnlyFields
            || options.RespectNullableAnnotations
            || typeInfo.Properties.Any(property => property.IsExtensionData
                || property.CustomConverter is not null
                || property.NumberHandling is not null))
        {
            return null;
        }

        if (forReading
            ? typeInfo.CreateObject is null
                || typeInfo.OnDeserializing is not null
                || typeInfo.OnDeserialized is not null
                || options.PropertyNameCaseInsensitive
                || options.UnmappedMemberHandling != JsonUnmappedMemberHandling.Skip
                || typeInfo.UnmappedMemberHandling is not null and not JsonUnmappedMemberHandling.Skip
                || options.PreferredObjectCreationHandling != JsonObjectCreationHandling.Replace
                || typeInfo.PreferredPropertyObjectCreationHandling is not null
                    and not JsonObjectCreationHandling.Replace
                || typeInfo.Properties.Any(property => property.IsRequired
                    || property.AssociatedParameter is not null
                    || property.ObjectCreationHandling is not null and not JsonObjectCreationHandling.Replace)
            : typeInfo.OnSerializing is not null || typeInfo.OnSerialized is not null)
        {
            return null;
        }

        var members = new List<ItemMember>(typeInfo.Properties.Count);
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (forReading ? property.Set is null : property.Get is null)
            {
                continue;
            }

            JsonTypeInfo memberTypeInfo;
            try
            {
                memberTypeInfo = options.GetTypeInfo(property.PropertyType);
            }
            catch (NotSupportedException)
            {
                return null;
            }

            AttributeShape? shape = root.Property(property.Name)?.Shape;
            DirectKind direct = DirectValues.KindOf(property.PropertyType);
            if (direct == DirectKind.StringList
                ? shape is not { Kind: AttributeShapeKind.Collection, Element.Kind: AttributeShapeKind.Plain }
                    || HasConverter(options, typeof(string))
                : shape is not null && shape.Kind != AttributeShapeKind.Plain)
            {
                direct = DirectKind.None;
            }

            if (HasConverter(options, property.PropertyType))
            {
                direct = DirectKind.None;
            }

            members.Add(new ItemMember(property, memberTypeInfo, shape, direct));
        }

        return [.. members];
    }

    /// <summary>The obsolete option still makes the serializer leave out nulls, so it must still be honoured.</summary>
    private static bool IgnoresNullValues(JsonSerializerOptions options)
    {
#pragma warning disable SYSLIB0020
        return options.IgnoreNullValues;
#pragma warning restore SYSLIB0020
    }

    private static bool HasConverter(JsonSerializerOptions options, Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        return options.Converters.Any(converter => converter.CanConvert(type) || converter.CanConvert(underlying));
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
