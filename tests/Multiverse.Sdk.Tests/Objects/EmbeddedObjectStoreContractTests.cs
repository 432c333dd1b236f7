namespace Multiverse.Sdk.Tests.Objects;

/// <summary>The shared contract, run against the embedded file system provider.</summary>
public sealed class EmbeddedObjectStoreContractTests : ObjectStoreContract, IClassFixture<EmbeddedObjectsFixture>
{
    private readonly EmbeddedObjectsFixture _fixture;

    public EmbeddedObjectStoreContractTests(EmbeddedObjectsFixture fixture)
    {
        _fixture = fixture;
    }

    protected override ObjectStoreHost Host => _fixture.Host;
}
