using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Aws;

namespace Multiverse.Sdk.Tests.Aws;

/// <summary>
/// Builds an application with <c>AddMultiverse()</c>, the given settings and a made-up AWS environment, so the
/// process's own AWS variables and files never leak into a test.
/// </summary>
internal static class AwsTestHost
{
    public static IHost Build(
        IDictionary<string, string?> settings,
        AwsTestEnvironment environment,
        TimeProvider? time = null,
        ILoggerProvider? logs = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMultiverse();
        builder.Services.AddSingleton<AwsEnvironment>(environment.Environment);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        return builder.Build();
    }
}
