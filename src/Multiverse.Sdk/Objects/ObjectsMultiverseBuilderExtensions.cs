using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;
using Multiverse.Sdk.Objects;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds the object store: <c>builder.AddMultiverse().AddObjects()</c>.
/// </summary>
public static class ObjectsMultiverseBuilderExtensions
{
    /// <summary>
    /// Adds object stores bound from <c>Multiverse:Objects</c>. With no configuration the embedded provider keeps
    /// objects under <c>.multiverse/objects</c> in the content root, so the application runs with no AWS account.
    /// Inject <see cref="IObjectStore"/> (the store named <c>Default</c>), a keyed <see cref="IObjectStore"/> per store
    /// name, or <see cref="IObjectStoreFactory"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <returns>The same builder, to add more features.</returns>
    public static IMultiverseBuilder AddObjects(this IMultiverseBuilder builder) =>
        AddObjects(builder, configure: null);

    /// <summary>
    /// Adds object stores bound from <c>Multiverse:Objects</c>, then lets <paramref name="configure"/> adjust the
    /// options before they are validated.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <param name="configure">Changes applied after configuration is bound; may be <see langword="null"/>.</param>
    /// <returns>The same builder, to add more features.</returns>
    public static IMultiverseBuilder AddObjects(this IMultiverseBuilder builder, Action<ObjectsOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Calling AddObjects again only adds the extra configure step.
        if (builder.Services.Any(descriptor => descriptor.ServiceType == typeof(ObjectStoreFactory)))
        {
            if (configure is not null)
            {
                builder.Services.Configure(configure);
            }

            return builder;
        }

        IConfigurationSection section = builder.Configuration.GetSection(ObjectsOptions.SectionName);
        OptionsBuilder<ObjectsOptions> options = builder.Services.AddOptions<ObjectsOptions>()
            .Configure(bound => Bind(section, bound));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(ObjectsOptionsValidator.Validate).ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmbeddedPresigner>();
        builder.Services.AddSingleton<ObjectStoreFactory>();
        builder.Services.AddSingleton<IObjectStoreFactory>(
            provider => provider.GetRequiredService<ObjectStoreFactory>());
        builder.Services.AddSingleton<IObjectStore>(
            provider => provider.GetRequiredService<ObjectStoreFactory>().GetStore(ObjectsOptions.DefaultStoreName));
        builder.Services.AddKeyedSingleton<IObjectStore>(
            KeyedService.AnyKey,
            (provider, key) => provider.GetRequiredService<ObjectStoreFactory>().GetStore(
                key as string ?? throw new InvalidOperationException(
                    "Object stores are keyed by their store name, a string such as \"Uploads\".")));
        builder.Services.AddHostedService<ObjectsStartup>();
        return builder;
    }

    private static void Bind(IConfigurationSection section, ObjectsOptions options)
    {
        ConfigurationBinding.RequireEnumName<ObjectStoreProvider>(section, nameof(ObjectsOptions.Provider));
        ConfigurationBinding.Bind(section, "Multipart:PartSize", () => section.Bind(options));
    }
}
