using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Aws;

/// <summary>
/// Registers the AWS service clients the application shares, each once, and the start-up checks of
/// <c>Multiverse:Aws</c>.
/// </summary>
internal static class AwsServiceCollectionExtensions
{
    public static IServiceCollection AddMultiverseAwsClients(this IServiceCollection services)
    {
        services.TryAddSingleton<IEnvironmentVariables, ProcessEnvironmentVariables>();
        services.TryAddSingleton(provider => new AwsEnvironment(provider.GetRequiredService<IEnvironmentVariables>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsClientFactory>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<MultiverseOptions>, AwsOptionsValidator>());
        services.TryAddSingleton<IAmazonDynamoDB>(
            provider => provider.GetRequiredService<AwsClientFactory>().CreateDynamoDb());
        services.TryAddSingleton<IAmazonS3>(provider => provider.GetRequiredService<AwsClientFactory>().CreateS3());
        services.TryAddSingleton<IAmazonSecurityTokenService>(
            provider => provider.GetRequiredService<AwsClientFactory>().CreateSecurityToken());
        return services;
    }
}
