using System.Globalization;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What one memory run measured on a fresh server holding <paramref name="Series"/> live series.</summary>
/// <param name="Series">Series fed, one point each.</param>
/// <param name="LiveSeries">Series the live state reported holding (the overview's series counts, summed).</param>
/// <param name="Fed">Time to send them (every request answered 204).</param>
/// <param name="Idle">Resident bytes of the idle server before the feed.</param>
/// <param name="Resident">Resident bytes once the live state held them, InfluxDB had them all and the figure settled.</param>
/// <param name="Settled">False when the resident size still moved at the deadline (the last reading is given).</param>
/// <param name="SwapBefore">The machine's swap before the server started.</param>
/// <param name="SwapAfter">The machine's swap after the reading.</param>
/// <param name="Snapshots">Wall connections made afterwards, one after another (none unless asked).</param>
/// <param name="SnapshotFailures">Why the connections that got no snapshot got none.</param>
internal sealed record MemoryResult(
    int Series,
    long LiveSeries,
    TimeSpan Fed,
    long Idle,
    long Resident,
    bool Settled,
    SwapReading SwapBefore,
    SwapReading SwapAfter,
    IReadOnlyList<SnapshotTiming> Snapshots,
    IReadOnlyList<string> SnapshotFailures)
{
    /// <summary>Resident MiB.</summary>
    public double ResidentMiB => Resident / 1048576.0;

    /// <summary>KB per series over the idle server's size.</summary>
    public double KilobytesPerSeries => (Resident - Idle) / 1000.0 / Series;

    /// <summary>Median time to the snapshot.</summary>
    public TimeSpan SnapshotMedian => Snapshots.Select(s => s.Elapsed).Order().ElementAt(Snapshots.Count / 2);

    /// <summary>Longest time to the snapshot.</summary>
    public TimeSpan SnapshotMax => Snapshots.Count == 0 ? TimeSpan.Zero : Snapshots.Max(s => s.Elapsed);

    /// <summary>The figures, a line each.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"""
        Server memory with {Series:N0} live series (5 fields each), fed in {Fed.TotalSeconds:F1} s; live state reports {LiveSeries:N0}
          RSS:       {ResidentMiB:F0} MiB{(Settled ? "" : " (still moving at the deadline)")}, idle before the feed {Idle / 1048576.0:F0} MiB: {KilobytesPerSeries:F1} KB per series
          swap:      {SwapAfter.DescribeSince(SwapBefore)}
        """) + (Snapshots.Count + SnapshotFailures.Count == 0 ? "" : "\n  snapshot:  " + DescribeSnapshots());

    /// <summary>The snapshot times, or why there are none: one cell of the table.</summary>
    public string DescribeSnapshots()
    {
        var parts = new List<string>();
        if (Snapshots.Count > 0)
        {
            var times = string.Join(", ", Snapshots.Select(s => s.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)));
            var listed = Snapshots[0].Series is { } count ? $", {count:N0} series listed" : "";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"median **{SnapshotMedian.TotalMilliseconds:F0} ms**, max {SnapshotMax.TotalMilliseconds:F0} ms over {Snapshots.Count} ({times} ms); {Snapshots[0].Bytes:N0} bytes of JSON{listed}"));
        }

        if (SnapshotMax > SnapshotTiming.BrowserTimeout)
        {
            parts.Add($"longer than a browser waits ({SnapshotTiming.BrowserTimeout.TotalSeconds:F0} s)");
        }

        if (SnapshotFailures.Count > 0)
        {
            parts.Add($"{SnapshotFailures.Count} failed ({SnapshotFailures[^1]})");
        }

        return parts.Count == 0 ? "none measured" : string.Join("; ", parts);
    }
}
