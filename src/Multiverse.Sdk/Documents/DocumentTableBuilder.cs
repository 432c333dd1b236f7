using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Declares how items of type <typeparamref name="T"/> are keyed: partition key, optional sort key, version
/// attribute, TTL attribute and secondary indexes. Members are matched to the JSON property names of the type's
/// <see cref="JsonTypeInfo{T}"/>, so naming policies and <c>[JsonPropertyName]</c> apply.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DocumentTableBuilder<T>
{
    private readonly List<(string Name, bool IsGlobal, string? PartitionMember, string? SortMember)> _indexes = [];
    private readonly HashSet<string> _numberMembers = new(StringComparer.Ordinal);
    private string? _partitionMember;
    private string? _sortMember;
    private string? _versionMember;
    private string? _timeToLiveMember;

    internal DocumentTableBuilder()
    {
    }

    /// <summary>Declares the partition key: a string, number or byte-array member.</summary>
    /// <typeparam name="TKey">The member's type.</typeparam>
    /// <param name="member">The member, for example <c>order =&gt; order.CustomerId</c>.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> PartitionKey<TKey>(Expression<Func<T, TKey>> member)
    {
        _partitionMember = MemberName(member);
        return this;
    }

    /// <summary>Declares the sort key: a string, number or byte-array member.</summary>
    /// <typeparam name="TKey">The member's type.</typeparam>
    /// <param name="member">The member, for example <c>order =&gt; order.OrderId</c>.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> SortKey<TKey>(Expression<Func<T, TKey>> member)
    {
        _sortMember = MemberName(member);
        return this;
    }

    /// <summary>
    /// Declares the version attribute used for optimistic concurrency: an integer member that every write
    /// increments (a new item has version 0 and is stored as version 1).
    /// </summary>
    /// <param name="member">The member, for example <c>order =&gt; order.Version</c>.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> Version(Expression<Func<T, long>> member)
    {
        _versionMember = MemberName(member);
        return this;
    }

    /// <summary>
    /// Declares the TTL attribute: a number of seconds since the Unix epoch after which the item has expired.
    /// An expired item is never returned, even before DynamoDB deletes it.
    /// </summary>
    /// <param name="member">The member, for example <c>session =&gt; session.ExpiresAt</c>.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> TimeToLive(Expression<Func<T, long?>> member)
    {
        _timeToLiveMember = MemberName(member);
        return this;
    }

    /// <summary>
    /// Stores a string member that holds the digits of a number as a DynamoDB number, for numbers of up to 38
    /// significant digits that no .NET numeric type holds exactly.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> StoreAsNumber(Expression<Func<T, string?>> member)
    {
        _numberMembers.Add(MemberName(member));
        return this;
    }

    /// <summary>Declares a global secondary index with a partition key only.</summary>
    /// <typeparam name="TKey">The index partition key's type.</typeparam>
    /// <param name="name">The index name.</param>
    /// <param name="partitionKey">The index's partition key member.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> GlobalIndex<TKey>(string name, Expression<Func<T, TKey>> partitionKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _indexes.Add((name, true, MemberName(partitionKey), null));
        return this;
    }

    /// <summary>Declares a global secondary index with a partition key and a sort key.</summary>
    /// <typeparam name="TKey">The index partition key's type.</typeparam>
    /// <typeparam name="TSort">The index sort key's type.</typeparam>
    /// <param name="name">The index name.</param>
    /// <param name="partitionKey">The index's partition key member.</param>
    /// <param name="sortKey">The index's sort key member.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> GlobalIndex<TKey, TSort>(
        string name,
        Expression<Func<T, TKey>> partitionKey,
        Expression<Func<T, TSort>> sortKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _indexes.Add((name, true, MemberName(partitionKey), MemberName(sortKey)));
        return this;
    }

    /// <summary>Declares a local secondary index: the table's partition key with another sort key.</summary>
    /// <typeparam name="TSort">The index sort key's type.</typeparam>
    /// <param name="name">The index name.</param>
    /// <param name="sortKey">The index's sort key member.</param>
    /// <returns>This builder.</returns>
    public DocumentTableBuilder<T> LocalIndex<TSort>(string name, Expression<Func<T, TSort>> sortKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _indexes.Add((name, false, null, MemberName(sortKey)));
        return this;
    }

    internal TableSchema Build(string declaredName, JsonTypeInfo<T> typeInfo, out HashSet<string> numberAttributes)
    {
        if (_partitionMember is null)
        {
            throw new MultiverseConfigurationException(
                $"Table '{declaredName}' (type {typeof(T).Name}) declares no partition key. Call "
                + "table.PartitionKey(item => item.Id) in AddTable.");
        }

        numberAttributes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string member in _numberMembers)
        {
            numberAttributes.Add(Resolve(typeInfo, declaredName, member).Name);
        }

        HashSet<string> numbers = numberAttributes;
        KeyAttribute Key(string member)
        {
            JsonPropertyInfo property = Resolve(typeInfo, declaredName, member);
            return new KeyAttribute(property.Name, numbers.Contains(property.Name)
                ? DocumentValueKind.Number
                : KindOf(property.PropertyType, declaredName, property.Name));
        }

        KeyAttribute partitionKey = Key(_partitionMember);
        KeyAttribute? sortKey = _sortMember is null ? null : Key(_sortMember);
        string? version = _versionMember is null ? null : Resolve(typeInfo, declaredName, _versionMember).Name;
        string? timeToLive = _timeToLiveMember is null
            ? null
            : Resolve(typeInfo, declaredName, _timeToLiveMember).Name;
        var indexes = new List<IndexSchema>();
        foreach ((string name, bool isGlobal, string? partitionMember, string? sortMember) in _indexes)
        {
            if (!isGlobal && sortKey is null)
            {
                throw new MultiverseConfigurationException(
                    $"Local index '{name}' of table '{declaredName}' needs a table with a sort key. Declare "
                    + "table.SortKey(...) or make it a global index.");
            }

            indexes.Add(new IndexSchema(
                name,
                isGlobal,
                partitionMember is null ? partitionKey : Key(partitionMember),
                sortMember is null ? null : Key(sortMember)));
        }

        return new TableSchema(declaredName, partitionKey, sortKey, version, timeToLive, indexes);
    }

    private static DocumentValueKind KindOf(Type type, string declaredName, string attributeName)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(byte[]))
        {
            return DocumentValueKind.Binary;
        }

        if (DocumentMapper<T>.IsNumeric(underlying))
        {
            return DocumentValueKind.Number;
        }

        if (underlying == typeof(bool) || underlying == typeof(object) || underlying.IsEnum)
        {
            throw new MultiverseConfigurationException(
                $"Key attribute '{attributeName}' of table '{declaredName}' has type {underlying.Name}; a key must "
                + "be a string, a number, a GUID or a byte array.");
        }

        return DocumentValueKind.Text;
    }

    private static JsonPropertyInfo Resolve(JsonTypeInfo<T> typeInfo, string declaredName, string memberName)
    {
        JsonPropertyInfo? byName = null;
        string? policyName = typeInfo.Options.PropertyNamingPolicy?.ConvertName(memberName);
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            // A [JsonIgnore]d member stays in the metadata without a getter: it is never written.
            if (property.Get is null)
            {
                continue;
            }

            if (property.AttributeProvider is MemberInfo member && member.Name == memberName)
            {
                return property;
            }

            if (property.Name == memberName || property.Name == policyName)
            {
                byName ??= property;
            }
        }

        return byName ?? throw new MultiverseConfigurationException(
            $"Member '{memberName}' of {typeof(T).Name}, used in the declaration of table '{declaredName}', is not "
            + "serialized by its JsonTypeInfo. Declare a member that System.Text.Json reads and writes.");
    }

    private static string MemberName(LambdaExpression member)
    {
        ArgumentNullException.ThrowIfNull(member);
        Expression body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } conversion
            ? conversion.Operand
            : member.Body;
        return body is MemberExpression { Expression: ParameterExpression } access
            ? access.Member.Name
            : throw new ArgumentException(
                $"'{member}' must select a member of {typeof(T).Name}, for example item => item.Id.",
                nameof(member));
    }
}
