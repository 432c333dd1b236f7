using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Python;

/// <summary>Starts the workers with the host, so a Lambda's init phase pays for them, and stops them with it.</summary>
internal sealed class PythonWorkerPoolHostedService : IHostedService
{
    private readonly PythonWorkerPool _pool;

    public PythonWorkerPoolHostedService(PythonWorkerPool pool)
    {
        _pool = pool;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _pool.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _pool.StopAsync(cancellationToken);
}
