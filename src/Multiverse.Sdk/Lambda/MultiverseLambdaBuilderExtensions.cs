using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;
using Multiverse.Sdk.Lambda;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Lambda hosting: <c>builder.AddMultiverse().AddLambdaHosting()</c>.
/// </summary>
public static class MultiverseLambdaBuilderExtensions
{
    private const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>
    /// Serves the application from the Lambda Runtime API when <c>AWS_LAMBDA_RUNTIME_API</c> is set (API Gateway
    /// HTTP API payload 2.0, function URLs and REST API proxy payload 1.0), and from Kestrel otherwise. On both,
    /// unhandled exceptions become 500 <c>application/problem+json</c> responses and requests cancelled by the
    /// function deadline become 504 problem responses. Settings come from <c>Multiverse:Lambda</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMultiverse</c>.</param>
    /// <returns>The same builder, to add further features.</returns>
    public static IMultiverseBuilder AddLambdaHosting(this IMultiverseBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ILambdaContextAccessor)))
        {
            return builder;
        }

        IConfigurationSection section = builder.Configuration.GetSection(LambdaHostingOptions.SectionName);
        services.AddOptions<LambdaHostingOptions>()
            .Configure(options => Bind(section, options))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<LambdaHostingOptions>, LambdaHostingOptionsValidator>());
        services.AddSingleton<ILambdaContextAccessor, LambdaContextAccessor>();
        services.AddTransient<IStartupFilter, ProblemResponseStartupFilter>();

        // In Development, ASP.NET Core's developer exception page answers before the SDK's middleware; with a
        // problem details service registered it answers API clients with problem+json, details included.
        services.AddProblemDetails();

        string? runtimeApi = RuntimeApi(section);
        if (runtimeApi is null)
        {
            return builder;
        }

        services.RemoveAll<IServer>();
        services.AddSingleton<IServer, LambdaServer>();
        InitErrorReporter.Register(runtimeApi);
        return builder;
    }

    private static string? RuntimeApi(IConfigurationSection section)
    {
        string? configured = section[nameof(LambdaHostingOptions.RuntimeApi)];
        string? runtimeApi = string.IsNullOrWhiteSpace(configured)
            ? Environment.GetEnvironmentVariable(RuntimeApiVariable)
            : configured;
        return string.IsNullOrWhiteSpace(runtimeApi) ? null : runtimeApi.Trim();
    }

    private static void Bind(IConfigurationSection section, LambdaHostingOptions options)
    {
        ConfigurationBinding.Bind(section, "DeadlineMargin", () => section.Bind(options));

        options.RuntimeApi = RuntimeApi(section);
    }
}
