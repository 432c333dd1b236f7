using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Multiverse.Sdk.Python;

/// <summary>
/// The pool's instruments on the <c>Multiverse.Sdk.Python</c> meter: call duration and queue wait (seconds),
/// worker starts and exits.
/// </summary>
internal sealed class PythonMetrics
{
    public const string MeterName = "Multiverse.Sdk.Python";

    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _workerStarts;
    private readonly Counter<long> _workerExits;

    public PythonMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _callDuration = meter.CreateHistogram<double>(
            "multiverse.python.call.duration",
            unit: "s",
            description: "Time from the call to its result or failure, queue wait included.");
        _queueWait = meter.CreateHistogram<double>(
            "multiverse.python.call.queue_wait",
            unit: "s",
            description: "Time a call waited before a worker took it.");
        _workerStarts = meter.CreateCounter<long>(
            "multiverse.python.worker.starts",
            unit: "{worker}",
            description: "Worker processes started.");
        _workerExits = meter.CreateCounter<long>(
            "multiverse.python.worker.exits",
            unit: "{worker}",
            description: "Worker processes that ended, by reason.");
    }

    public void CallCompleted(string function, string outcome, double seconds)
    {
        if (_callDuration.Enabled)
        {
            _callDuration.Record(
                seconds,
                new KeyValuePair<string, object?>("python.function", function),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void CallDispatched(long createdAt)
    {
        if (_queueWait.Enabled)
        {
            _queueWait.Record(Stopwatch.GetElapsedTime(createdAt).TotalSeconds);
        }
    }

    public void WorkerStarted() => _workerStarts.Add(1);

    public void WorkerExited(string reason) => _workerExits.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
