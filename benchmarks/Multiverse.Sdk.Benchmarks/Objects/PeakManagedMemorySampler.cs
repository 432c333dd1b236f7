namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>
/// Samples the managed heap (live objects plus garbage not yet collected) every millisecond on a dedicated thread
/// and keeps the largest value: the peak managed memory an upload needs, including what the GC has not reclaimed.
/// </summary>
public sealed class PeakManagedMemorySampler
{
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peak;

    private PeakManagedMemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "peak-memory-sampler" };
    }

    public static PeakManagedMemorySampler Start()
    {
        // Start from a collected heap so that one iteration's garbage does not count against the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sampler = new PeakManagedMemorySampler();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Stops sampling and returns the peak in bytes.</summary>
    public long Stop()
    {
        _stopping = true;
        _thread.Join();
        return Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
    }

    private void Sample()
    {
        while (!_stopping)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
            Thread.Sleep(1);
        }
    }
}
