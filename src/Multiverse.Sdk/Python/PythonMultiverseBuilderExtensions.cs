using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;
using Multiverse.Sdk.Python;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds Python workers to a Multiverse application: <c>builder.AddMultiverse().AddPython()</c>.</summary>
public static class PythonMultiverseBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IPythonWorkerPool"/> and <see cref="IPythonScriptRunner"/>, binds and validates
    /// <c>Multiverse:Python</c>, and starts the worker pool (with its warm-up imports) when the host starts.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <param name="configure">Changes applied after configuration is bound; may be <see langword="null"/>.</param>
    /// <returns>The same builder, to add more features.</returns>
    public static IMultiverseBuilder AddPython(this IMultiverseBuilder builder, Action<PythonOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        bool added = services.Any(descriptor => descriptor.ServiceType == typeof(PythonWorkerPool));
        OptionsBuilder<PythonOptions> options = services.AddOptions<PythonOptions>();
        if (!added)
        {
            IConfigurationSection section = builder.Configuration.GetSection(PythonOptions.SectionName);
            options.Configure(bound => Bind(section, bound)).ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (added)
        {
            return builder;
        }

        services.AddMetrics();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PythonOptions>, PythonOptionsValidator>());
        services.TryAddSingleton<PythonProcessLauncher>();
        services.TryAddSingleton<PythonMetrics>();
        services.TryAddSingleton(provider => PythonWorkerSettings.Create(
            provider.GetRequiredService<IOptions<PythonOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddSingleton<PythonWorkerPool>();
        services.TryAddSingleton<IPythonWorkerPool>(provider => provider.GetRequiredService<PythonWorkerPool>());
        services.TryAddSingleton<IPythonScriptRunner, PythonScriptRunner>();
        services.AddHostedService<PythonWorkerPoolHostedService>();
        return builder;
    }

    private static void Bind(IConfigurationSection section, PythonOptions options)
    {
        ConfigurationBinding.Bind(section, "PoolSize", () => section.Bind(options));
    }
}
