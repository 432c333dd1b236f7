using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;
using Multiverse.Sdk.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The SDK's entry point: <c>builder.AddMultiverse()</c>.
/// </summary>
public static class MultiverseHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds Multiverse to the application: binds and validates the <c>Multiverse</c> configuration section and
    /// registers the shared AWS clients. Features plug in through the returned builder.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>A builder to add features such as documents, objects and Python workers.</returns>
    public static IMultiverseBuilder AddMultiverse(this IHostApplicationBuilder builder) =>
        AddMultiverse(builder, configure: null);

    /// <summary>
    /// Adds Multiverse to the application, then lets <paramref name="configure"/> adjust the options bound from
    /// the <c>Multiverse</c> configuration section before they are validated.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="configure">Changes applied after configuration is bound; may be <see langword="null"/>.</param>
    /// <returns>A builder to add features such as documents, objects and Python workers.</returns>
    public static IMultiverseBuilder AddMultiverse(
        this IHostApplicationBuilder builder,
        Action<MultiverseOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);

        IConfigurationSection section = builder.Configuration.GetSection(MultiverseOptions.SectionName);
        var multiverse = new MultiverseBuilder(builder.Services, section, builder.Environment);

        // Calling AddMultiverse twice must not register clients or options twice.
        if (builder.Services.Any(descriptor => descriptor.ServiceType == typeof(MultiverseMarker)))
        {
            if (configure is not null)
            {
                builder.Services.Configure(configure);
            }

            return multiverse;
        }

        builder.Services.AddSingleton<MultiverseMarker>();
        OptionsBuilder<MultiverseOptions> options = builder.Services.AddOptions<MultiverseOptions>()
            .Configure(bound => Bind(section, bound));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();

        builder.Services.AddMultiverseAwsClients();
        builder.AddMultiverseLogging();
        return multiverse;
    }

    private static void Bind(IConfigurationSection section, MultiverseOptions options)
    {
        AwsConfigurationFormat.Check(section.GetSection(nameof(MultiverseOptions.Aws)));
        ConfigurationBinding.Bind(section, "Aws:Region", () => section.Bind(options));
    }

    private sealed class MultiverseMarker;
}
