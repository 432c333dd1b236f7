using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// Starts radosgw once per test run for every class in the <see cref="RadosGatewayCollection"/>, creates the test
/// bucket, and runs an application configured for the S3 provider against it through the real AddMultiverse path.
/// </summary>
public sealed class RadosGatewayFixture : IAsyncLifetime
{
    public const string BucketName = "multiverse-contract";

    private RadosGateway? _gateway;
    private ObjectStoreHost? _host;

    public RadosGateway Gateway => _gateway ?? throw new InvalidOperationException("The fixture has not started.");

    public ObjectStoreHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public IAmazonS3 S3 => Host.Services.GetRequiredService<IAmazonS3>();

    public async Task InitializeAsync()
    {
        _gateway = await RadosGateway.StartAsync();
        Dictionary<string, string?> settings = _gateway.ClientSettings();
        settings["Multiverse:Objects:Provider"] = "S3";
        settings["Multiverse:Objects:Buckets:Default"] = BucketName;
        _host = await ObjectStoreHost.StartAsync(settings);
        await S3.PutBucketAsync(BucketName);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RadosGatewayCollection : ICollectionFixture<RadosGatewayFixture>
{
    public const string Name = "radosgw";
}
