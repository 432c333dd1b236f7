using Amazon.S3.Model;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// What S3 keeps after a multipart upload goes wrong: nothing. Checked with ListMultipartUploads on radosgw.
/// </summary>
[Collection(RadosGatewayCollection.Name)]
public sealed class S3MultipartUploadTests
{
    private const int MiB = 1024 * 1024;

    private readonly RadosGatewayFixture _fixture;
    private readonly string _key = $"multipart-{Guid.NewGuid():N}.bin";

    public S3MultipartUploadTests(RadosGatewayFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task PutAsync_StreamFailsAfterSeveralParts_AbortsTheUpload()
    {
        var stream = new GeneratedStream(30 * MiB, failAt: 17 * MiB);

        await Assert.ThrowsAsync<IOException>(() => _fixture.Host.Store.PutAsync(_key, stream));

        Assert.Empty(await ListUploadsAsync());
    }

    [Fact]
    public async Task PutAsync_CancelledAfterSeveralParts_AbortsTheUpload()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new GeneratedStream(30 * MiB, onRead: position =>
        {
            if (position >= 16 * MiB)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _fixture.Host.Store.PutAsync(_key, stream, cancellationToken: cancellation.Token));

        Assert.Empty(await ListUploadsAsync());
    }

    [Fact]
    public async Task PutAsync_CreateOnlyLargeObjectOverExistingKey_ThrowsBeforeStartingAnUpload()
    {
        await _fixture.Host.Store.PutAsync(_key, new MemoryStream([1, 2, 3]));

        var createOnly = new ObjectPutOptions { CreateOnly = true };

        await Assert.ThrowsAsync<ObjectAlreadyExistsException>(
            () => _fixture.Host.Store.PutAsync(_key, new GeneratedStream(12 * MiB), createOnly));

        Assert.Empty(await ListUploadsAsync());
        Assert.Equal(3, (await _fixture.Host.Store.HeadAsync(_key)).Size);
    }

    [Fact]
    public async Task PutAsync_LargeStream_CompletesAsAMultipartObject()
    {
        ObjectWriteResult result = await _fixture.Host.Store.PutAsync(_key, new GeneratedStream((12 * MiB) + 1));

        // S3 marks a multipart object's ETag with its part count: 5 MiB parts make three.
        Assert.EndsWith("-3\"", result.ETag, StringComparison.Ordinal);
        Assert.Empty(await ListUploadsAsync());
    }

    private async Task<List<MultipartUpload>> ListUploadsAsync()
    {
        ListMultipartUploadsResponse response = await _fixture.S3.ListMultipartUploadsAsync(
            new ListMultipartUploadsRequest { BucketName = RadosGatewayFixture.BucketName, Prefix = _key });
        return response.MultipartUploads ?? [];
    }
}
