using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Hosting;

internal sealed class MultiverseBuilder : IMultiverseBuilder
{
    public MultiverseBuilder(
        IServiceCollection services,
        IConfigurationSection configuration,
        IHostEnvironment environment)
    {
        Services = services;
        Configuration = configuration;
        Environment = environment;
    }

    public IServiceCollection Services { get; }

    public IConfigurationSection Configuration { get; }

    public IHostEnvironment Environment { get; }
}
