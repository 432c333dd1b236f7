using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>
/// Shows the largest managed heap any iteration of a benchmark reached. Benchmarks run in child processes, so each
/// records its peak in a file that this column, in the host process, reads back.
/// </summary>
public sealed class PeakManagedMemoryColumn : IColumn
{
    private static readonly string s_folder = Path.Combine(Path.GetTempPath(), "multiverse-benchmarks", "peak-memory");
    private static readonly HashSet<string> s_recordedInThisProcess = [];

    public string Id => nameof(PeakManagedMemoryColumn);

    public string ColumnName => "Peak managed memory";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Largest managed heap (live and uncollected) sampled during any iteration";

    /// <summary>
    /// Keeps the largest peak of the current benchmark; the first record in a process replaces earlier runs.
    /// </summary>
    public static void Record(string benchmark, long peakBytes)
    {
        Directory.CreateDirectory(s_folder);
        string path = Path.Combine(s_folder, benchmark);
        long previous = s_recordedInThisProcess.Add(benchmark) || !File.Exists(path)
            ? 0
            : long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);
        File.WriteAllText(path, Math.Max(previous, peakBytes).ToString(CultureInfo.InvariantCulture));
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string path = Path.Combine(s_folder, benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (!File.Exists(path))
        {
            return "-";
        }

        double mebibytes = long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture, $"{mebibytes:F1} MiB");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
