using System.Net;
using System.Security.Cryptography;
using System.Text;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// The behaviour both providers must share. Each provider's test class runs these tests unchanged; every test works
/// under its own key prefix so tests never see each other's objects.
/// </summary>
public abstract class ObjectStoreContract
{
    private const int MiB = 1024 * 1024;

    private static readonly HttpClient s_http = new();

    private readonly string _prefix = $"t-{Guid.NewGuid():N}/";

    protected abstract ObjectStoreHost Host { get; }

    protected IObjectStore Store => Host.Store;

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsTheBytesAndProperties()
    {
        string key = Key("report.csv");
        var options = new ObjectPutOptions { ContentType = "text/csv", CacheControl = "max-age=60" };
        options.Metadata["Owner"] = "team-a";

        await Store.PutAsync(key, new MemoryStream("a,b\n1,2\n"u8.ToArray()), options);
        await using ObjectDownload download = await Store.GetAsync(key);

        Assert.Equal("a,b\n1,2\n", await ReadTextAsync(download.Content));
        ObjectProperties properties = download.Properties!;
        Assert.Equal(8, properties.Size);
        Assert.Equal("text/csv", properties.ContentType);
        Assert.Equal("max-age=60", properties.CacheControl);
        Assert.Equal("team-a", properties.Metadata["owner"]);
    }

    [Fact]
    public async Task PutAsync_SmallObject_ReturnsQuotedMd5ETagAsS3Does()
    {
        byte[] content = "hello"u8.ToArray();

        ObjectWriteResult result = await Store.PutAsync(Key("hello.txt"), new MemoryStream(content));

        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"", result.ETag);
    }

    [Fact]
    public async Task PutAsync_SmallStreamOfUnknownLength_StoresEveryByte()
    {
        string key = Key("small.bin");

        await Store.PutAsync(key, new GeneratedStream(100_000));

        Assert.Equal(Hash(GeneratedStream.Bytes(100_000)), await HashObjectAsync(key));
    }

    [Fact]
    public async Task PutAsync_LargeStreamOfUnknownLength_StoresEveryByte()
    {
        string key = Key("large.bin");
        long length = (12 * MiB) + 123;

        await Store.PutAsync(key, new GeneratedStream(length, seed: 7));

        Assert.Equal(Hash(GeneratedStream.Bytes(length, seed: 7)), await HashObjectAsync(key));
        Assert.Equal(length, (await Store.HeadAsync(key)).Size);
    }

    [Fact]
    public async Task PutAsync_LargeStream_KeepsContentTypeCacheControlAndMetadata()
    {
        string key = Key("model.onnx");
        var options = new ObjectPutOptions { ContentType = "application/onnx", CacheControl = "no-cache" };
        options.Metadata["Model-Version"] = "7";

        await Store.PutAsync(key, new GeneratedStream(11 * MiB), options);

        ObjectProperties properties = await Store.HeadAsync(key);
        Assert.Equal("application/onnx", properties.ContentType);
        Assert.Equal("no-cache", properties.CacheControl);
        Assert.Equal("7", properties.Metadata["model-version"]);
    }

    [Fact]
    public async Task PutAsync_LargeSeekableStreamFromItsPosition_StoresTheRest()
    {
        string key = Key("seekable.bin");
        byte[] content = GeneratedStream.Bytes((11 * MiB) + 5, seed: 3);
        var stream = new MemoryStream(content) { Position = 5 };

        await Store.PutAsync(key, stream);

        Assert.Equal(Hash(content.AsSpan(5).ToArray()), await HashObjectAsync(key));
    }

    [Fact]
    public async Task PutAsync_SmallSeekableStreamFromItsPosition_StoresTheRest()
    {
        string key = Key("rest.txt");
        var stream = new MemoryStream("skip:keep"u8.ToArray()) { Position = 5 };

        await Store.PutAsync(key, stream);

        Assert.Equal("keep", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_CreateOnlyWhenKeyExists_ThrowsObjectAlreadyExists()
    {
        string key = Key("once.txt");
        await Store.PutAsync(key, Text("first"));

        await Assert.ThrowsAsync<ObjectAlreadyExistsException>(
            () => Store.PutAsync(key, Text("second"), new ObjectPutOptions { CreateOnly = true }));

        Assert.Equal("first", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_CreateOnlyWhenKeyIsNew_CreatesTheObject()
    {
        string key = Key("new.txt");

        await Store.PutAsync(key, Text("created"), new ObjectPutOptions { CreateOnly = true });

        Assert.Equal("created", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_IfMatchWithCurrentETag_ReplacesTheObject()
    {
        string key = Key("counter.txt");
        ObjectWriteResult first = await Store.PutAsync(key, Text("1"));

        await Store.PutAsync(key, Text("2"), new ObjectPutOptions { IfMatch = first.ETag });

        Assert.Equal("2", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_IfMatchWithStaleETag_ThrowsPreconditionFailed()
    {
        string key = Key("counter.txt");
        ObjectWriteResult first = await Store.PutAsync(key, Text("1"));
        await Store.PutAsync(key, Text("2"));

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => Store.PutAsync(key, Text("3"), new ObjectPutOptions { IfMatch = first.ETag }));

        Assert.Equal("2", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_KmsEncryption_HeadReportsTheKey()
    {
        string key = Key("secret.bin");
        var options = new ObjectPutOptions { Encryption = ObjectEncryption.Kms, KmsKeyId = RadosGateway.KmsKeyId };

        await Store.PutAsync(key, Text("secret"), options);
        ObjectProperties properties = await Store.HeadAsync(key);

        Assert.Equal(ObjectEncryption.Kms, properties.Encryption);
        Assert.Equal(RadosGateway.KmsKeyId, properties.KmsKeyId);
        Assert.Equal("secret", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_S3ManagedEncryption_IsAcceptedAndReadsBack()
    {
        // Ceph 16 accepts SSE-S3 but neither applies nor reports it, so only acceptance is common to both providers.
        string key = Key("sse-s3.bin");

        await Store.PutAsync(key, Text("secret"), new ObjectPutOptions { Encryption = ObjectEncryption.S3Managed });

        Assert.Equal("secret", await GetTextAsync(key));
    }

    [Fact]
    public async Task PutAsync_KmsEncryptionOnLargeObject_HeadReportsTheKey()
    {
        string key = Key("secret-large.bin");
        var options = new ObjectPutOptions { Encryption = ObjectEncryption.Kms, KmsKeyId = RadosGateway.KmsKeyId };

        await Store.PutAsync(key, new GeneratedStream((11 * MiB) + 1), options);

        ObjectProperties properties = await Store.HeadAsync(key);
        Assert.Equal(ObjectEncryption.Kms, properties.Encryption);
        Assert.Equal(RadosGateway.KmsKeyId, properties.KmsKeyId);
        Assert.Equal(Hash(GeneratedStream.Bytes((11 * MiB) + 1)), await HashObjectAsync(key));
    }

    [Fact]
    public async Task PutAsync_KeyWithSpacesUnicodeAndUrlCharacters_RoundTrips()
    {
        string key = Key("a b+c%20d?e#f&g=h/ünïcødé 日本.txt");

        await Store.PutAsync(key, Text("odd"));

        Assert.Equal("odd", await GetTextAsync(key));
        Assert.Contains(key, await ListKeysAsync(_prefix));
    }

    [Fact]
    public async Task PutAsync_KeyLongerThan1024Bytes_ThrowsInvalidObjectKey()
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(new string('k', 1025), Text("x")));
    }

    [Fact]
    public async Task PutAsync_KeyWithControlCharacter_ThrowsInvalidObjectKey()
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(Key("line\nbreak"), Text("x")));
    }

    [Fact]
    public async Task PutAsync_StreamFailsDuringLargeUpload_ThrowsAndLeavesNoObject()
    {
        string key = Key("broken.bin");

        await Assert.ThrowsAsync<IOException>(
            () => Store.PutAsync(key, new GeneratedStream(20 * MiB, failAt: 11 * MiB)));

        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task PutAsync_CancelledDuringLargeUpload_ThrowsAndLeavesNoObject()
    {
        string key = Key("cancelled.bin");
        using var cancellation = new CancellationTokenSource();
        var stream = new GeneratedStream(20 * MiB, onRead: position =>
        {
            if (position > 11 * MiB)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.PutAsync(key, stream, cancellationToken: cancellation.Token));

        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task GetAsync_ByteRange_ReturnsOnlyThoseBytes()
    {
        string key = Key("range.txt");
        await Store.PutAsync(key, Text("0123456789"));

        await using ObjectDownload download = await Store.GetAsync(key, new ObjectGetOptions { Range = new(2, 5) });

        Assert.Equal("2345", await ReadTextAsync(download.Content));
        Assert.Equal(4, download.ContentLength);
        Assert.Equal(new ObjectByteRange(2, 5), download.Range);
        Assert.Equal(10, download.Properties!.Size);
    }

    [Fact]
    public async Task GetAsync_OpenEndedRange_ReturnsTheRestOfTheObject()
    {
        string key = Key("range.txt");
        await Store.PutAsync(key, Text("0123456789"));

        await using ObjectDownload download = await Store.GetAsync(key, new ObjectGetOptions { Range = new(7) });

        Assert.Equal("789", await ReadTextAsync(download.Content));
    }

    [Fact]
    public async Task GetAsync_RangeAfterTheEnd_ThrowsArgumentOutOfRange()
    {
        string key = Key("range.txt");
        await Store.PutAsync(key, Text("0123456789"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.GetAsync(key, new ObjectGetOptions { Range = new(10) }));
    }

    [Fact]
    public async Task GetAsync_IfNoneMatchWithCurrentETag_ReturnsNotModified()
    {
        string key = Key("cached.txt");
        ObjectWriteResult written = await Store.PutAsync(key, Text("cached"));

        var options = new ObjectGetOptions { IfNoneMatch = written.ETag };

        await using ObjectDownload download = await Store.GetAsync(key, options);

        Assert.True(download.IsNotModified);
        Assert.Equal(written.ETag, download.ETag);
    }

    [Fact]
    public async Task GetAsync_IfNoneMatchWithOldETag_ReturnsTheNewContent()
    {
        string key = Key("cached.txt");
        ObjectWriteResult old = await Store.PutAsync(key, Text("old"));
        await Store.PutAsync(key, Text("new"));

        var options = new ObjectGetOptions { IfNoneMatch = old.ETag };

        await using ObjectDownload download = await Store.GetAsync(key, options);

        Assert.False(download.IsNotModified);
        Assert.Equal("new", await ReadTextAsync(download.Content));
    }

    [Fact]
    public async Task GetAsync_MissingKey_ThrowsObjectNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync(Key("missing")));
    }

    [Fact]
    public async Task HeadAsync_MissingKey_ThrowsObjectNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.HeadAsync(Key("missing")));
    }

    [Fact]
    public async Task HeadAsync_AfterPut_ReportsSizeETagAndLastModified()
    {
        string key = Key("head.txt");
        DateTimeOffset before = DateTimeOffset.UtcNow.AddMinutes(-5);
        ObjectWriteResult written = await Store.PutAsync(key, Text("twelve bytes"));

        ObjectProperties properties = await Store.HeadAsync(key);

        Assert.Equal(12, properties.Size);
        Assert.Equal(written.ETag, properties.ETag);
        Assert.Equal("application/octet-stream", properties.ContentType);
        Assert.InRange(properties.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task ExistsAsync_AfterPutThenDelete_ReportsTrueThenFalse()
    {
        string key = Key("exists.txt");
        await Store.PutAsync(key, Text("x"));
        bool afterPut = await Store.ExistsAsync(key);

        await Store.DeleteAsync(key);

        Assert.True(afterPut);
        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_Succeeds()
    {
        await Store.DeleteAsync(Key("never-written"));

        Assert.False(await Store.ExistsAsync(Key("never-written")));
    }

    [Fact]
    public async Task DeleteManyAsync_MoreKeysThanOneRequestTakes_DeletesThemAll()
    {
        List<string> keys = Enumerable.Range(0, 1003).Select(index => Key($"many/{index:D4}")).ToList();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (key, cancellation) => await Store.PutAsync(key, Text("x"), cancellationToken: cancellation));

        await Store.DeleteManyAsync(keys.Append(Key("many/not-there")));

        Assert.Empty(await ListKeysAsync(Key("many/")));
    }

    [Fact]
    public async Task CopyAsync_KeepingMetadata_CopiesContentAndProperties()
    {
        string source = Key("source.json");
        var options = new ObjectPutOptions { ContentType = "application/json" };
        options.Metadata["origin"] = "import";
        await Store.PutAsync(source, Text("{}"), options);

        await Store.CopyAsync(source, Key("copy.json"));

        ObjectProperties copy = await Store.HeadAsync(Key("copy.json"));
        Assert.Equal("application/json", copy.ContentType);
        Assert.Equal("import", copy.Metadata["origin"]);
        Assert.Equal("{}", await GetTextAsync(Key("copy.json")));
    }

    [Fact]
    public async Task CopyAsync_ReplacingMetadata_UsesTheNewProperties()
    {
        string source = Key("source.json");
        var options = new ObjectPutOptions { ContentType = "application/json" };
        options.Metadata["origin"] = "import";
        await Store.PutAsync(source, Text("{}"), options);
        var copyOptions = new ObjectCopyOptions { ReplaceMetadata = true, ContentType = "text/plain" };
        copyOptions.Metadata["reviewed"] = "yes";

        await Store.CopyAsync(source, source, copyOptions);

        ObjectProperties copy = await Store.HeadAsync(source);
        Assert.Equal("text/plain", copy.ContentType);
        Assert.Equal("yes", copy.Metadata["reviewed"]);
        Assert.False(copy.Metadata.ContainsKey("origin"));
        Assert.Equal("{}", await GetTextAsync(source));
    }

    [Fact]
    public async Task CopyAsync_MissingSource_ThrowsObjectNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.CopyAsync(Key("missing"), Key("copy")));
    }

    [Fact]
    public async Task ListPageAsync_WithDelimiter_GroupsKeysIntoCommonPrefixes()
    {
        foreach (string name in new[] { "a.txt", "docs/1.txt", "docs/2.txt", "img/x/1.png", "z.txt" })
        {
            await Store.PutAsync(Key(name), Text(name));
        }

        ObjectListPage page = await Store.ListPageAsync(new ObjectListRequest { Prefix = _prefix, Delimiter = "/" });

        Assert.Equal([Key("a.txt"), Key("z.txt")], page.Objects.Select(item => item.Key));
        Assert.Equal([Key("docs/"), Key("img/")], page.CommonPrefixes);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task ListPageAsync_SmallPages_ReturnEveryKeyOnceInOrder()
    {
        string[] names = ["e", "a", "d/1", "d/2", "b", "c", "f/1"];
        foreach (string name in names)
        {
            await Store.PutAsync(Key(name), Text(name));
        }

        var seen = new List<string>();
        var request = new ObjectListRequest { Prefix = _prefix, Delimiter = "/", PageSize = 2 };
        do
        {
            ObjectListPage page = await Store.ListPageAsync(request);
            IEnumerable<string> entries = page.Objects.Select(item => item.Key).Concat(page.CommonPrefixes);
            seen.AddRange(entries.Order(StringComparer.Ordinal));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken is not null);

        Assert.Equal(new[] { "a", "b", "c", "d/", "e", "f/" }.Select(Key), seen);
    }

    [Fact]
    public async Task ListAsync_Prefix_EnumeratesOnlyMatchingKeysWithSizes()
    {
        await Store.PutAsync(Key("logs/1"), Text("one"));
        await Store.PutAsync(Key("logs/2"), Text("two!"));
        await Store.PutAsync(Key("other"), Text("x"));

        List<ObjectSummary> listed = await Store.ListAsync(Key("logs/")).ToListAsync();

        Assert.Equal([Key("logs/1"), Key("logs/2")], listed.Select(item => item.Key));
        Assert.Equal([3L, 4L], listed.Select(item => item.Size));
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_Download_ReturnsTheObject()
    {
        string key = Key("shared file.txt");
        await Store.PutAsync(key, Text("shared"), new ObjectPutOptions { ContentType = "text/plain" });

        Uri url = await Store.CreatePresignedGetUrlAsync(key, TimeSpan.FromMinutes(5));
        using HttpResponseMessage response = await s_http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("shared", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_RangeRequest_ReturnsPartialContent()
    {
        string key = Key("video.bin");
        await Store.PutAsync(key, Text("0123456789"));
        Uri url = await Store.CreatePresignedGetUrlAsync(key, TimeSpan.FromMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(3, 5);

        using HttpResponseMessage response = await s_http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("345", await response.Content.ReadAsStringAsync());
        Assert.Equal("bytes 3-5/10", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_IfNoneMatchCurrentETag_ReturnsNotModified()
    {
        string key = Key("cached.css");
        ObjectWriteResult written = await Store.PutAsync(key, Text("body {}"));
        Uri url = await Store.CreatePresignedGetUrlAsync(key, TimeSpan.FromMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", written.ETag);

        using HttpResponseMessage response = await s_http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task CreatePresignedPutUrlAsync_Upload_StoresTheObject()
    {
        string key = Key("uploaded.txt");

        Uri url = await Store.CreatePresignedPutUrlAsync(key, TimeSpan.FromMinutes(5));
        using var body = new ByteArrayContent("from a browser"u8.ToArray());
        using HttpResponseMessage response = await s_http.PutAsync(url, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from a browser", await GetTextAsync(key));
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_UrlUsedForAnotherKey_IsRefused()
    {
        string key = Key("private.txt");
        await Store.PutAsync(key, Text("private"));
        await Store.PutAsync(Key("other.txt"), Text("other"));

        Uri url = await Store.CreatePresignedGetUrlAsync(key, TimeSpan.FromMinutes(5));
        string tampered = url.ToString().Replace("private.txt", "other.txt", StringComparison.Ordinal);
        using HttpResponseMessage response = await s_http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_AfterExpiry_IsRefused()
    {
        string key = Key("short-lived.txt");
        await Store.PutAsync(key, Text("brief"));
        Uri url = await Store.CreatePresignedGetUrlAsync(key, TimeSpan.FromSeconds(1));

        // Both providers count expiry in whole seconds from the signing time; nothing signals it but the clock.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using HttpResponseMessage response = await s_http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreatePresignedGetUrlAsync_ExpiryOverSevenDays_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.CreatePresignedGetUrlAsync(Key("x"), TimeSpan.FromDays(8)));
    }

    protected string Key(string name) => _prefix + name;

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));

    private static async Task<string> ReadTextAsync(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private async Task<string> GetTextAsync(string key)
    {
        await using ObjectDownload download = await Store.GetAsync(key);
        return await ReadTextAsync(download.Content);
    }

    private async Task<string> HashObjectAsync(string key)
    {
        await using ObjectDownload download = await Store.GetAsync(key);
        return Convert.ToHexString(await SHA256.HashDataAsync(download.Content));
    }

    private async Task<List<string>> ListKeysAsync(string prefix) =>
        await Store.ListAsync(prefix).Select(item => item.Key).ToListAsync();
}
