namespace Multiverse.Sdk.Tests.Objects;

/// <summary>The shared contract, run against Ceph's radosgw through the S3 provider.</summary>
[Collection(RadosGatewayCollection.Name)]
public sealed class S3ObjectStoreContractTests : ObjectStoreContract
{
    private readonly RadosGatewayFixture _fixture;

    public S3ObjectStoreContractTests(RadosGatewayFixture fixture)
    {
        _fixture = fixture;
    }

    protected override ObjectStoreHost Host => _fixture.Host;
}
