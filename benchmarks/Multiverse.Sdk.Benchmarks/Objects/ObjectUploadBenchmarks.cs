using Amazon.S3;
using Amazon.S3.Transfer;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Objects;
using Multiverse.Sdk.Tests.Objects;

namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>
/// Uploads a 1 GiB stream, generated as it is read, to a local radosgw: through the SDK's object store and through
/// the AWS SDK's TransferUtility (the baseline), with the same S3 client settings. Each run starts its own radosgw,
/// as the tests do, and reports the peak managed heap seen during each upload.
/// </summary>
[Config(typeof(ObjectUploadBenchmarkConfig))]
public class ObjectUploadBenchmarks
{
    public const long ObjectSize = 1L << 30;

    private const string BucketName = "multiverse-benchmarks";
    private const string Key = "one-gibibyte.bin";

    private RadosGateway? _gateway;
    private IHost? _host;
    private IObjectStore? _store;
    private IAmazonS3? _s3;
    private TransferUtility? _transferUtility;
    private PeakManagedMemorySampler? _sampler;

    [GlobalSetup]
    public async Task StartServerAsync()
    {
        _gateway = await RadosGateway.StartAsync();
        Dictionary<string, string?> settings = _gateway.ClientSettings();
        settings["Multiverse:Objects:Provider"] = "S3";
        settings["Multiverse:Objects:Buckets:Default"] = BucketName;

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMultiverse().AddObjects();
        _host = builder.Build();
        await _host.StartAsync();

        _store = _host.Services.GetRequiredService<IObjectStore>();
        _s3 = _host.Services.GetRequiredService<IAmazonS3>();
        _transferUtility = new TransferUtility(_s3);
        await _s3.PutBucketAsync(BucketName);
    }

    [GlobalCleanup]
    public async Task StopServerAsync()
    {
        _transferUtility?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    [IterationSetup]
    public void StartSampling() => _sampler = PeakManagedMemorySampler.Start();

    [IterationCleanup(Target = nameof(TransferUtilityUpload))]
    public void FinishTransferUtilityIteration() => FinishIteration(nameof(TransferUtilityUpload));

    [IterationCleanup(Target = nameof(ObjectStoreUpload))]
    public void FinishObjectStoreIteration() => FinishIteration(nameof(ObjectStoreUpload));

    [Benchmark(Baseline = true, Description = "TransferUtility (AWS SDK)")]
    public Task TransferUtilityUpload() => _transferUtility!.UploadAsync(new TransferUtilityUploadRequest
    {
        BucketName = BucketName,
        Key = Key,
        InputStream = new GeneratedStream(ObjectSize),
        AutoCloseStream = true,
    });

    [Benchmark(Description = "IObjectStore.PutAsync")]
    public Task ObjectStoreUpload() => _store!.PutAsync(Key, new GeneratedStream(ObjectSize));

    private void FinishIteration(string benchmark)
    {
        long peak = _sampler!.Stop();
        PeakManagedMemoryColumn.Record(benchmark, peak);

        // radosgw keeps objects in memory here: delete each upload so the next one starts from the same state.
        _s3!.DeleteObjectAsync(BucketName, Key).GetAwaiter().GetResult();
    }
}
