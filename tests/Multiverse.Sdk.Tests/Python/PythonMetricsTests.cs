using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Multiverse.Sdk.Tests.Python;

public sealed class PythonMetricsTests
{
    [Fact]
    public async Task CallAsync_RecordsCallDurationAndQueueWait()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "Multiverse.Sdk.Python")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            string? outcome = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, outcome));
        });
        listener.Start();
        await using PythonTestHost host = await PythonTestHost.StartAsync(options => options.PoolSize = 1);

        await host.Pool.CallAsync<int>("mv_functions:add", new { a = 1, b = 2 }, CancellationToken.None);

        Assert.Contains(measurements, measurement => measurement.Instrument == "multiverse.python.call.duration"
            && measurement.Outcome == "ok" && measurement.Value > 0);
        Assert.Contains(measurements, measurement => measurement.Instrument == "multiverse.python.call.queue_wait");
    }
}
