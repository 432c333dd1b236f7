using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Multiverse.Sdk.Documents;

/// <summary>
/// Opens the document store when the application starts, so a missing region, missing credentials or an unusable
/// database file fails start-up instead of the first request; then creates the tables when configured to.
/// </summary>
internal sealed class DocumentsStartup : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly IOptions<DocumentsOptions> _options;

    public DocumentsStartup(IServiceProvider services, IOptions<DocumentsOptions> options)
    {
        _services = services;
        _options = options;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DocumentStore store = _services.GetRequiredService<DocumentStore>();
        DocumentsOptions options = _options.Value;
        if (options.CreateTables ?? options.Provider == DocumentProvider.Embedded)
        {
            await store.CreateTablesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
