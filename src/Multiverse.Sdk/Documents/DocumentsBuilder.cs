using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Declares the application's document tables inside <c>AddDocuments</c>.
/// </summary>
public sealed class DocumentsBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _types = [];

    internal DocumentsBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the application's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Declares a table of <typeparamref name="T"/> items and registers <see cref="DocumentTable{T}"/> as a
    /// singleton. Its physical name comes from <c>Multiverse:Documents:Tables:<paramref name="name"/></c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The table's name in configuration, for example <c>Orders</c>.</param>
    /// <param name="typeInfo">
    /// The type's JSON metadata, ideally from a source-generated <c>JsonSerializerContext</c>
    /// (for example <c>AppJsonContext.Default.Order</c>), which keeps mapping free of reflection and AOT-safe.
    /// </param>
    /// <param name="declare">Declares the keys, version, TTL and indexes.</param>
    /// <returns>This builder.</returns>
    public DocumentsBuilder AddTable<T>(string name, JsonTypeInfo<T> typeInfo, Action<DocumentTableBuilder<T>> declare)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(declare);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"A table named '{name}' is already declared.", nameof(name));
        }

        if (!_types.Add(typeof(T)))
        {
            throw new ArgumentException(
                $"A table of {typeof(T).Name} is already declared; declare one table per item type.",
                nameof(typeInfo));
        }

        var declaration = new DocumentTableBuilder<T>();
        declare(declaration);
        var registration = new DocumentTableRegistration<T>(name, typeInfo, declaration);
        Services.AddSingleton<DocumentTableRegistration>(registration);
        Services.AddSingleton(provider => provider.GetRequiredService<DocumentStore>().Table<T>());
        return this;
    }
}
