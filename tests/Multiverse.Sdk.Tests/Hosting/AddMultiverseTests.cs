using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Hosting;

namespace Multiverse.Sdk.Tests.Hosting;

public sealed class AddMultiverseTests
{
    [Fact]
    public void AddMultiverse_BindsTheMultiverseSection()
    {
        HostApplicationBuilder builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["Multiverse:ServiceName"] = "orders",
            ["Multiverse:Aws:Region"] = "eu-west-1",
            ["Multiverse:Aws:DynamoDb:ServiceUrl"] = "http://127.0.0.1:8000",
        });

        builder.AddMultiverse();
        using IHost host = builder.Build();

        MultiverseOptions options = host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value;
        Assert.Equal("orders", options.ServiceName);
        Assert.Equal("eu-west-1", options.Aws.Region);
        Assert.Equal(new Uri("http://127.0.0.1:8000"), options.Aws.DynamoDb.ServiceUrl);
    }

    [Fact]
    public void AddMultiverse_CalledTwice_RegistersEachClientOnce()
    {
        HostApplicationBuilder builder = CreateBuilder(new Dictionary<string, string?>());

        builder.AddMultiverse();
        builder.AddMultiverse(options => options.ServiceName = "second");

        Assert.Single(builder.Services, descriptor => descriptor.ServiceType == typeof(IAmazonDynamoDB));
        using IHost host = builder.Build();
        Assert.Equal("second", host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value.ServiceName);
    }

    [Fact]
    public void AddMultiverse_ConfigureDelegate_RunsAfterConfigurationBinding()
    {
        HostApplicationBuilder builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["Multiverse:ServiceName"] = "from-configuration",
        });

        builder.AddMultiverse(options => options.ServiceName += "-and-code");
        using IHost host = builder.Build();

        MultiverseOptions options = host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value;
        Assert.Equal("from-configuration-and-code", options.ServiceName);
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
