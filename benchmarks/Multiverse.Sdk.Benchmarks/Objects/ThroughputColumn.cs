using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Multiverse.Sdk.Benchmarks.Objects;

/// <summary>Shows how many MiB per second the mean upload time of the 1 GiB object amounts to.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Throughput";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Object size divided by the mean upload time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not double mean || mean <= 0)
        {
            return "-";
        }

        double mebibytesPerSecond = ObjectUploadBenchmarks.ObjectSize / 1024.0 / 1024.0 / (mean / 1e9);
        return string.Create(CultureInfo.InvariantCulture, $"{mebibytesPerSecond:F0} MiB/s");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
