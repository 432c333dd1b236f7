using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Documents;

namespace Multiverse.Sdk.Tests.Documents;

public sealed class DocumentsConfigurationTests
{
    [Fact]
    public async Task AddDocuments_NoConfiguration_StoresInMemoryWithTheEmbeddedProvider()
    {
        using IHost host = await StartAsync([]);

        DocumentStore store = host.Services.GetRequiredService<DocumentStore>();
        await store.Table<Counter>().PutAsync(new Counter { Id = "a", Count = 3 });
        Assert.Equal(DocumentProvider.Embedded, store.Provider);
        Assert.Equal(3, (await store.Table<Counter>().GetAsync("a"))!.Count);
    }

    [Fact]
    public async Task AddDocuments_TablesInjected_AreTheStoreTables()
    {
        using IHost host = await StartAsync([]);

        Assert.Same(
            host.Services.GetRequiredService<DocumentStore>().Table<Counter>(),
            host.Services.GetRequiredService<DocumentTable<Counter>>());
    }

    [Fact]
    public async Task AddDocuments_UnknownProvider_FailsStartUpNamingTheSettingAndChoices()
    {
        MultiverseConfigurationException failure = await StartUpFailureAsync(new()
        {
            ["Multiverse:Documents:Provider"] = "Cassandra",
        });

        Assert.Contains("Multiverse:Documents:Provider", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded, DynamoDb", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocuments_DynamoDbWithoutTableName_FailsStartUpNamingTheEnvironmentVariable()
    {
        MultiverseConfigurationException failure = await StartUpFailureAsync(new()
        {
            ["Multiverse:Documents:Provider"] = "DynamoDb",
            ["Multiverse:Aws:Region"] = "eu-west-1",
        });

        Assert.Contains("Multiverse:Documents:Tables:Counters", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Documents__Tables__Counters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocuments_DynamoDbWithoutRegion_FailsStartUpNamingTheRegionSetting()
    {
        MultiverseConfigurationException failure = await StartUpFailureAsync(new()
        {
            ["Multiverse:Documents:Provider"] = "DynamoDb",
            ["Multiverse:Documents:Tables:Counters"] = "counters",
            ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = "local",
            ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "local",
        });

        Assert.Contains("Multiverse:Aws:Region", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocuments_TableNameFromEnvironmentVariable_NamesThePhysicalTable()
    {
        string prefix = $"MVTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Multiverse__Documents__Tables__Counters", "counters-prod");
        try
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.AddMultiverse().AddDocuments(DeclareCounters);
            using IHost host = builder.Build();
            await host.StartAsync();

            Assert.Equal("counters-prod", host.Services.GetRequiredService<DocumentTable<Counter>>().TableName);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Multiverse__Documents__Tables__Counters", null);
        }
    }

    [Fact]
    public async Task AddDocuments_InvalidTableName_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException failure = await StartUpFailureAsync(new()
        {
            ["Multiverse:Documents:Tables:Counters"] = "no spaces allowed",
        });

        Assert.Contains("Multiverse:Documents:Tables:Counters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocuments_ZeroUpdateAttempts_FailsStartUpNamingTheSetting()
    {
        MultiverseConfigurationException failure = await StartUpFailureAsync(new()
        {
            ["Multiverse:Documents:MaxUpdateAttempts"] = "0",
        });

        Assert.Contains("Multiverse:Documents:MaxUpdateAttempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDocuments_RelativeEmbeddedPath_KeepsItemsInAFileUnderTheContentRoot()
    {
        string contentRoot = Directory.CreateTempSubdirectory("multiverse-documents-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Multiverse:Documents:Embedded:Path"] = "data/documents.db",
            };
            using (IHost first = await StartAsync(settings, contentRoot))
            {
                await first.Services.GetRequiredService<DocumentTable<Counter>>().PutAsync(new Counter { Id = "kept" });
                await first.StopAsync();
            }

            using IHost second = await StartAsync(settings, contentRoot);

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "documents.db")));
            Assert.NotNull(await second.Services.GetRequiredService<DocumentTable<Counter>>().GetAsync("kept"));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void AddTable_WithoutPartitionKey_ThrowsNamingTheTable()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        MultiverseConfigurationException failure = Assert.Throws<MultiverseConfigurationException>(() =>
            builder.AddMultiverse().AddDocuments(documents =>
                documents.AddTable("Counters", DocumentsTestJsonContext.Default.Counter, _ => { })));

        Assert.Contains("'Counters'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("PartitionKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTable_KeyMemberNotSerialized_ThrowsNamingTheMember()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        MultiverseConfigurationException failure = Assert.Throws<MultiverseConfigurationException>(() =>
            builder.AddMultiverse().AddDocuments(documents => documents.AddTable(
                "Hidden",
                HiddenJsonContext.Default.HiddenKey,
                table => table.PartitionKey(item => item.Secret))));

        Assert.Contains("Secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTable_SameTypeTwice_Throws()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        Assert.Throws<ArgumentException>(() => builder.AddMultiverse().AddDocuments(documents =>
        {
            DeclareCounters(documents);
            documents.AddTable("Counters2", DocumentsTestJsonContext.Default.Counter, t => t.PartitionKey(c => c.Id));
        }));
    }

    private static void DeclareCounters(DocumentsBuilder documents) =>
        documents.AddTable("Counters", DocumentsTestJsonContext.Default.Counter, table => table
            .PartitionKey(counter => counter.Id)
            .Version(counter => counter.Version));

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMultiverse().AddDocuments(DeclareCounters);
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<MultiverseConfigurationException> StartUpFailureAsync(
        Dictionary<string, string?> settings)
    {
        Exception failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using IHost host = await StartAsync(settings);
        });
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            if (current is MultiverseConfigurationException configuration)
            {
                return configuration;
            }

            if (current is AggregateException { InnerExceptions: [var single] })
            {
                current = single;
                if (current is MultiverseConfigurationException inner)
                {
                    return inner;
                }
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"Start-up failed with {failure.GetType().Name}, not a configuration error: {failure}");
    }
}

public sealed record HiddenKey
{
    [JsonIgnore]
    public string Secret { get; init; } = string.Empty;

    public string? Visible { get; init; }
}

[JsonSerializable(typeof(HiddenKey))]
public sealed partial class HiddenJsonContext : JsonSerializerContext;
