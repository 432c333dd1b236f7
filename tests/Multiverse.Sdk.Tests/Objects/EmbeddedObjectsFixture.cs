namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// An application configured with no object settings but the small multipart sizes: the embedded provider under
/// its content root, exactly what a service gets on a laptop.
/// </summary>
public sealed class EmbeddedObjectsFixture : IAsyncLifetime
{
    private ObjectStoreHost? _host;

    public ObjectStoreHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _host = await ObjectStoreHost.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
