using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

public sealed class AddObjectsTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("multiverse-add-objects-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public async Task AddObjects_NoConfiguration_UsesTheEmbeddedProviderUnderTheContentRoot()
    {
        using IHost host = await StartAsync(new Dictionary<string, string?>());

        IObjectStore store = host.Services.GetRequiredService<IObjectStore>();
        await store.PutAsync("hello.txt", new MemoryStream([1]));

        Assert.Equal("default", store.BucketName);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, ".multiverse", "objects", "default")));
    }

    [Fact]
    public async Task AddObjects_UnknownProvider_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException error = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => StartAsync(new Dictionary<string, string?> { ["Multiverse:Objects:Provider"] = "Azure" }));

        Assert.Contains("Multiverse:Objects:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded, S3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddObjects_ProviderNameInLowerCase_IsAccepted()
    {
        using IHost host = await StartAsync(new Dictionary<string, string?>
        {
            ["Multiverse:Objects:Provider"] = "embedded",
        });

        ObjectsOptions options = host.Services.GetRequiredService<IOptions<ObjectsOptions>>().Value;
        Assert.Equal(ObjectStoreProvider.Embedded, options.Provider);
    }

    [Fact]
    public async Task AddObjects_PresignSigningKeyTooShort_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException error = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => StartAsync(new Dictionary<string, string?>
            {
                ["Multiverse:Objects:Embedded:PresignSigningKey"] = Convert.ToBase64String(new byte[16]),
            }));

        Assert.Contains("Multiverse:Objects:Embedded:PresignSigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddObjects_PartSizeBelowFiveMiB_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException error = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => StartAsync(new Dictionary<string, string?> { ["Multiverse:Objects:Multipart:PartSize"] = "1024" }));

        Assert.Contains("Multiverse:Objects:Multipart:PartSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddObjects_InvalidBucketName_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException error = await Assert.ThrowsAsync<MultiverseConfigurationException>(
            () => StartAsync(new Dictionary<string, string?> { ["Multiverse:Objects:Buckets:Uploads"] = "Bad_Name" }));

        Assert.Contains("Multiverse:Objects:Buckets:Uploads", error.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Objects__Buckets__Uploads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStore_S3ProviderWithoutBucketForTheStore_ThrowsNamingTheSetting()
    {
        using IHost host = await StartAsync(new Dictionary<string, string?>
        {
            ["Multiverse:Aws:Region"] = "eu-west-1",
            ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = "test",
            ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "test",
            ["Multiverse:Objects:Provider"] = "S3",
        });

        MultiverseConfigurationException error = Assert.Throws<MultiverseConfigurationException>(
            () => host.Services.GetRequiredService<IObjectStoreFactory>().GetStore("Reports"));

        Assert.Contains("Multiverse:Objects:Buckets:Reports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddObjects_BucketFromEnvironmentVariable_NamesTheKeyedStoresBucket()
    {
        string variable = $"Multiverse__Objects__Buckets__Exports{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "exports-from-terraform");
        try
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(
                new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });
            builder.AddMultiverse().AddObjects();
            using IHost host = builder.Build();
            await host.StartAsync();

            string storeName = variable["Multiverse__Objects__Buckets__".Length..];
            IObjectStore store = host.Services.GetRequiredKeyedService<IObjectStore>(storeName);

            Assert.Equal("exports-from-terraform", store.BucketName);
            await host.StopAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task AddObjects_ConfigureDelegate_RunsAfterConfigurationBinding()
    {
        HostApplicationBuilder builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["Multiverse:Objects:Multipart:PartSize"] = "6291456",
        });

        builder.AddMultiverse().AddObjects(options => options.Multipart.MaxConcurrentParts = 8);
        using IHost host = builder.Build();

        ObjectsOptions options = host.Services.GetRequiredService<IOptions<ObjectsOptions>>().Value;
        Assert.Equal(6291456, options.Multipart.PartSize);
        Assert.Equal(8, options.Multipart.MaxConcurrentParts);
    }

    private async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = CreateBuilder(settings);
        builder.AddMultiverse().AddObjects();
        IHost host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
