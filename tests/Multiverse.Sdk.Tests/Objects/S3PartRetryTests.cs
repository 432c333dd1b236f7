using System.Security.Cryptography;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// Server faults during a multipart upload, injected by a proxy in front of radosgw. The AWS SDK's own retries are
/// off (Multiverse:Aws:MaxAttempts = 1), so every retry seen here is the object store's per-part retry.
/// </summary>
[Collection(RadosGatewayCollection.Name)]
public sealed class S3PartRetryTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;

    private readonly RadosGatewayFixture _fixture;
    private readonly string _key = $"retry-{Guid.NewGuid():N}.bin";
    private FaultInjectingProxy? _proxy;
    private ObjectStoreHost? _host;

    public S3PartRetryTests(RadosGatewayFixture fixture)
    {
        _fixture = fixture;
    }

    public async Task InitializeAsync()
    {
        _proxy = await FaultInjectingProxy.StartAsync(_fixture.Gateway.ServiceUrl);
        Dictionary<string, string?> settings = _fixture.Gateway.ClientSettings();
        settings["Multiverse:Aws:S3:ServiceUrl"] = _proxy.Url.ToString();
        settings["Multiverse:Aws:MaxAttempts"] = "1";
        settings["Multiverse:Objects:Provider"] = "S3";
        settings["Multiverse:Objects:Buckets:Default"] = RadosGatewayFixture.BucketName;
        _host = await ObjectStoreHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    [Fact]
    public async Task PutAsync_PartFailsOnceWithServerError_RetriesThatPartAndStoresEveryByte()
    {
        int failures = 0;
        _proxy!.ShouldFail = request => IsPartTwo(request) && Interlocked.Increment(ref failures) == 1;
        long length = (12 * MiB) + 17;

        await _host!.Store.PutAsync(_key, new GeneratedStream(length, seed: 5));

        Assert.Equal(1, _proxy.FailedRequests);
        await using ObjectDownload download = await _host.Store.GetAsync(_key);
        byte[] expected = SHA256.HashData(GeneratedStream.Bytes(length, seed: 5));
        Assert.Equal(expected, await SHA256.HashDataAsync(download.Content));
    }

    [Fact]
    public async Task PutAsync_PartFailsOnEveryAttempt_ThrowsAndAbortsTheUpload()
    {
        _proxy!.ShouldFail = IsPartTwo;

        await Assert.ThrowsAsync<ObjectStoreException>(
            () => _host!.Store.PutAsync(_key, new GeneratedStream(12 * MiB)));

        Assert.Equal(3, _proxy.FailedRequests);
        ListMultipartUploadsResponse uploads = await _fixture.S3.ListMultipartUploadsAsync(
            new ListMultipartUploadsRequest { BucketName = RadosGatewayFixture.BucketName, Prefix = _key });
        Assert.Empty(uploads.MultipartUploads ?? []);
        Assert.False(await _host!.Store.ExistsAsync(_key));
    }

    private static bool IsPartTwo(HttpRequest request) =>
        HttpMethods.IsPut(request.Method) && request.Query["partNumber"] == "2";
}
