using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Opens the configured stores when the host starts, so that a missing bucket setting or AWS client fails the
/// start-up instead of the first request.
/// </summary>
internal sealed class ObjectsStartup : IHostedService
{
    private readonly ObjectStoreFactory _factory;

    public ObjectsStartup(ObjectStoreFactory factory)
    {
        _factory = factory;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _factory.OpenConfiguredStores();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
