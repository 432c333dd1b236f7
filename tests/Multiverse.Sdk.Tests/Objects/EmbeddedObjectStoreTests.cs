using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>What only the embedded provider has to prove: its root folder cannot be escaped and its files are
/// safe.</summary>
public sealed class EmbeddedObjectStoreTests : IClassFixture<EmbeddedObjectsFixture>, IDisposable
{
    private readonly EmbeddedObjectsFixture _fixture;
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("multiverse-embedded-").FullName;

    public EmbeddedObjectStoreTests(EmbeddedObjectsFixture fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("reports/../../outside.txt")]
    [InlineData("reports\\..\\..\\outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share\\file")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("nul\0byte")]
    public async Task PutAsync_KeyThatCouldLeaveTheRootFolder_ThrowsInvalidObjectKey(string key)
    {
        InvalidObjectKeyException error = await Assert.ThrowsAsync<InvalidObjectKeyException>(
            () => _fixture.Host.Store.PutAsync(key, new MemoryStream([1])));

        Assert.Contains("key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_NoConfiguration_WritesUnderTheContentRoot()
    {
        await _fixture.Host.Store.PutAsync($"{Guid.NewGuid():N}", new MemoryStream([1, 2, 3]));

        string bucketFolder = Path.Combine(_fixture.Host.ContentRoot, ".multiverse", "objects", "default");
        Assert.NotEmpty(Directory.EnumerateFiles(bucketFolder, "*.object", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_ConcurrentWritersOfOneKey_ReadersOnlyEverSeeCompleteObjects()
    {
        IObjectStore store = _fixture.Host.Store;
        string key = $"contended-{Guid.NewGuid():N}";
        const int Length = 2 * 1024 * 1024;
        int[] seeds = [11, 12, 13, 14];
        HashSet<string> complete = seeds.Select(seed => Hash(GeneratedStream.Bytes(Length, seed))).ToHashSet();
        await store.PutAsync(key, new GeneratedStream(Length, seeds[0]));

        Task writers = Task.WhenAll(seeds.Select(seed => Task.Run(async () =>
        {
            for (int round = 0; round < 5; round++)
            {
                await store.PutAsync(key, new GeneratedStream(Length, seed));
            }
        })));
        var observed = new List<string>();
        while (!writers.IsCompleted)
        {
            await using ObjectDownload download = await store.GetAsync(key);
            observed.Add(Convert.ToHexString(await SHA256.HashDataAsync(download.Content)));
        }

        await writers;
        Assert.All(observed, hash => Assert.Contains(hash, complete));
        Assert.Single(await store.ListAsync(key).ToListAsync());
    }

    [Fact]
    public async Task PutAsync_WriterKilledMidWrite_LeavesThePreviousObjectIntact()
    {
        using IHost host = CreateHost(_contentRoot);
        IObjectStore store = host.Services.GetRequiredService<IObjectStore>();
        ObjectWriteResult previous = await store.PutAsync(KilledWriter.Key, new MemoryStream([1, 2, 3]));

        await KilledWriter.StartAndKillAsync(_contentRoot);

        ObjectProperties properties = await store.HeadAsync(KilledWriter.Key);
        Assert.Equal(previous.ETag, properties.ETag);
        Assert.Equal(3, properties.Size);
        Assert.Equal([KilledWriter.Key], await store.ListAsync().Select(item => item.Key).ToListAsync());
    }

    [Fact]
    public async Task PutAsync_WriterKilledWhileCreatingAnObject_LeavesNoObject()
    {
        await KilledWriter.StartAndKillAsync(_contentRoot);

        using IHost host = CreateHost(_contentRoot);
        IObjectStore store = host.Services.GetRequiredService<IObjectStore>();
        Assert.False(await store.ExistsAsync(KilledWriter.Key));
        Assert.Empty(await store.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_EndpointNotMapped_ThrowsWithTheFix()
    {
        using IHost host = CreateHost(_contentRoot);
        IObjectStore store = host.Services.GetRequiredService<IObjectStore>();

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.CreatePresignedGetUrlAsync("x", TimeSpan.FromMinutes(1)));

        Assert.Contains("MapMultiverseObjects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_ConfiguredSigningKey_UrlWorksOnAnotherInstance()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Multiverse:Objects:Embedded:RootPath"] = _contentRoot,
            ["Multiverse:Objects:Embedded:PresignSigningKey"] = Convert.ToBase64String(new byte[32]),
        };
        await using ObjectStoreHost first = await ObjectStoreHost.StartAsync(settings);
        await using ObjectStoreHost second = await ObjectStoreHost.StartAsync(settings);
        await first.Store.PutAsync("shared.txt", new MemoryStream("shared"u8.ToArray()));
        Uri url = await first.Store.CreatePresignedGetUrlAsync("shared.txt", TimeSpan.FromMinutes(5));
        Uri secondAddress = await second.Store.CreatePresignedGetUrlAsync("other", TimeSpan.FromMinutes(5));
        var onSecond = new UriBuilder(url) { Port = secondAddress.Port };

        using var http = new HttpClient();
        using HttpResponseMessage response = await http.GetAsync(onSecond.Uri);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("shared", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_PublicBaseUrlConfigured_StartsWithIt()
    {
        await using ObjectStoreHost host = await ObjectStoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Multiverse:Objects:Embedded:PublicBaseUrl"] = "https://files.example.test/app/",
        });

        Uri url = await host.Store.CreatePresignedGetUrlAsync("a.txt", TimeSpan.FromMinutes(1));

        Assert.StartsWith(
            "https://files.example.test/app/_multiverse/objects/default?key=a.txt&",
            url.ToString(),
            StringComparison.Ordinal);
    }

    private static IHost CreateHost(string contentRoot)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.AddMultiverse().AddObjects();
        return builder.Build();
    }

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
