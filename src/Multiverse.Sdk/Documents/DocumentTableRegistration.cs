using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Documents;

/// <summary>One table declared through <c>AddTable</c>; the store turns it into a typed table.</summary>
internal abstract class DocumentTableRegistration
{
    protected DocumentTableRegistration(TableSchema schema, Type itemType)
    {
        Schema = schema;
        ItemType = itemType;
    }

    public TableSchema Schema { get; }

    public Type ItemType { get; }

    public abstract object CreateTable(
        TableSchema schema,
        IDocumentBackend backend,
        DocumentsOptions options,
        TimeProvider time,
        ILogger logger);
}

internal sealed class DocumentTableRegistration<T> : DocumentTableRegistration
{
    private readonly DocumentMapper<T> _mapper;

    public DocumentTableRegistration(string declaredName, JsonTypeInfo<T> typeInfo, DocumentTableBuilder<T> declaration)
        : this(
            declaration.Build(declaredName, typeInfo, out HashSet<string> numberAttributes),
            typeInfo,
            numberAttributes)
    {
    }

    private DocumentTableRegistration(TableSchema schema, JsonTypeInfo<T> typeInfo, HashSet<string> numberAttributes)
        : base(schema, typeof(T))
    {
        _mapper = new DocumentMapper<T>(typeInfo, numberAttributes);
    }

    public override object CreateTable(
        TableSchema schema,
        IDocumentBackend backend,
        DocumentsOptions options,
        TimeProvider time,
        ILogger logger) =>
        new DocumentTable<T>(schema, _mapper, backend, options, time, logger);
}
