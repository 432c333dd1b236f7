using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Multiverse.Sdk.Objects;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// A real ASP.NET Core application on a free loopback port with <c>AddMultiverse().AddObjects()</c> and the
/// presigned URL endpoint mapped, configured only through configuration keys, as a service would be.
/// </summary>
public sealed class ObjectStoreHost : IAsyncDisposable
{
    /// <summary>Small parts keep multipart tests quick while still exercising several parts in flight.</summary>
    public static readonly IReadOnlyDictionary<string, string?> MultipartSettings = new Dictionary<string, string?>
    {
        ["Multiverse:Objects:Multipart:Threshold"] = "5242880",
        ["Multiverse:Objects:Multipart:PartSize"] = "5242880",
        ["Multiverse:Objects:Multipart:MaxConcurrentParts"] = "2",
    };

    private readonly WebApplication _app;
    private readonly string _contentRoot;

    private ObjectStoreHost(WebApplication app, string contentRoot)
    {
        _app = app;
        _contentRoot = contentRoot;
    }

    public IServiceProvider Services => _app.Services;

    public IObjectStore Store => _app.Services.GetRequiredService<IObjectStore>();

    public string ContentRoot => _contentRoot;

    public static async Task<ObjectStoreHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        string contentRoot = Directory.CreateTempSubdirectory("multiverse-objects-").FullName;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(MultipartSettings.Concat(settings));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddMultiverse().AddObjects();

        WebApplication app = builder.Build();
        app.MapMultiverseObjects();
        await app.StartAsync();
        return new ObjectStoreHost(app, contentRoot);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
