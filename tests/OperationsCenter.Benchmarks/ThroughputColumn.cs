using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OperationsCenter.Benchmarks;

/// <summary>
/// Derives throughput from the mean time per operation. The parser benchmarks use one operation per point
/// (OperationsPerInvoke), so the mean is nanoseconds per point.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Unit unit) : IColumn
{
    /// <summary>What the column shows.</summary>
    public enum Unit
    {
        /// <summary>Points per second.</summary>
        PointsPerSecond,

        /// <summary>Megabytes (10^6 bytes) of body per second.</summary>
        MegabytesPerSecond,
    }

    public string Id => nameof(ThroughputColumn) + unit;

    public string ColumnName => unit == Unit.PointsPerSecond ? "Points/s" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)unit;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => unit == Unit.PointsPerSecond
        ? "Points read per second on one core (1e9 / mean ns per point)"
        : "Body megabytes (1e6 bytes) read per second on one core";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nanosPerPoint = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (nanosPerPoint is not > 0)
        {
            return "-";
        }

        var pointsPerSecond = 1e9 / nanosPerPoint.Value;
        return unit == Unit.PointsPerSecond
            ? pointsPerSecond.ToString("N0", CultureInfo.InvariantCulture)
            : (pointsPerSecond * ParserBenchmarks.BytesPerPoint / 1e6).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
