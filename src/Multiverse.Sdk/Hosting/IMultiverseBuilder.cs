using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Hosting;

/// <summary>
/// Returned by <c>AddMultiverse</c>; features such as documents, objects, Python workers and Lambda
/// hosting plug in through extension methods on this type.
/// </summary>
public interface IMultiverseBuilder
{
    /// <summary>Gets the application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the <c>Multiverse</c> configuration section that every feature binds from.</summary>
    IConfigurationSection Configuration { get; }

    /// <summary>Gets the environment the application runs in.</summary>
    IHostEnvironment Environment { get; }
}
