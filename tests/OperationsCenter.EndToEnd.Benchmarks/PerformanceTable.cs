using System.Globalization;
using System.Text;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>Issue 15's table in markdown, from the parts' results, each goal marked met or not.</summary>
internal static class PerformanceTable
{
    private const double MiB = 1048576.0;

    public static string Format(
        TableOptions options,
        Measured<ThroughputResult>? throughput,
        IReadOnlyList<Measured<LatencyResult>> latency,
        IReadOnlyList<Measured<MemoryResult>> memory,
        Measured<MemoryResult>? snapshot)
    {
        var departments = DemoDepartments.Instance.Ids.Count;
        var table = new StringBuilder();
        void Row(string figure, string alone, string center, string goal) => table.Append(CultureInfo.InvariantCulture, $"| {figure} | {alone} | {center} | {goal} |\n");

        table.Append(CultureInfo.InvariantCulture, $"{(options.Quick ? "QUICK RUN (scaled down: to check the command, not to quote)\n" : "")}{BenchTarget.Describe(options.Nodes)}\n\n");
        table.Append("| figure | InfluxDB alone | the center | goal |\n|---|---|---|---|\n");

        // A part left out with --parts has no rows.
        if (throughput is not null)
        {
            Row($"points/s stored in InfluxDB ({options.Points:N0} points, {options.Series:N0} series over the {departments} demo departments, {options.LinesPerBody:N0}-line bodies, {options.Clients} concurrent senders)",
                throughput.Cell(t => $"{t.DirectRate:N0}"),
                throughput.Cell(t => $"accepted {t.AcceptedRate:N0}/s, stored {t.StoredRate:N0}/s, ratio **{t.Ratio:F2}**"),
                "ratio ≥ 0.8" + Verdict(throughput.Value?.Ratio >= 0.8));
            Row("center CPU per million points (server process CPU from /proc, summed over nodes)",
                "—",
                throughput.Cell(t => $"**{t.CpuPerMillion:F1} CPU-s** ({t.Cpu.TotalSeconds:F1} s for {t.Points:N0} points)"),
                "≤ 4 CPU-s" + Verdict(throughput.Value?.CpuPerMillion <= 4));
        }

        foreach (var run in latency)
        {
            var asked = run.Value?.Options;
            Row($"ingest → value at a SignalR client at {asked?.Rate.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} points/s over {options.LatencySeries:N0} series ({options.LatencySeconds} s, {options.BatchesPerSecond} requests/s per department, InfluxDB storing meanwhile)",
                "—",
                run.Cell(r => $"p50 {r.Quantile(0.5):F0} / p90 {r.Quantile(0.9):F0} / **p99 {r.Quantile(0.99):F0} ms**; **{r.Refused:N0} refused (429)**, {r.Failed:N0} failed in all; offered {r.OfferedRate:N0} points/s{(r.OfferedInFull ? "" : " (NOT the asked rate)")}"),
                "p99 < 500 ms, nothing refused" + Verdict(run.Value is { } r ? r.Quantile(0.99) < 500 && r.Failed == 0 && r.OfferedInFull : null));
        }

        for (var i = 0; i < memory.Count; i++)
        {
            var series = options.MemorySeries[i];
            var limit = series <= 100_000 ? 512 * MiB : 4096 * MiB;
            var goal = series <= 100_000 ? "≤ 512 MiB" : "≤ 4 GiB, machine not swapping";
            Row($"server memory (RSS, VmRSS once steady) with {series:N0} live series, 5 numeric fields each",
                "—",
                memory[i].Cell(m => $"**{m.ResidentMiB:N0} MiB**, {m.KilobytesPerSeries:F1} KB per series over the idle {m.Idle / MiB:N0} MiB{(m.Settled ? "" : " (not steady)")}{(m.LiveSeries < series ? $"; live state reported only {m.LiveSeries:N0}" : "")}; swap: {m.SwapAfter.DescribeSince(m.SwapBefore)}"),
                goal + Verdict(memory[i].Value is { } m ? m.Resident <= limit && !m.SwapAfter.SwappedSince(m.SwapBefore) : null));
        }

        if (snapshot is not null)
        {
            Row($"snapshot time for a new wall connection at {options.SnapshotSeries:N0} series ({options.Snapshots} connections, one after another)",
                "—",
                snapshot.Cell(m => m.DescribeSnapshots()),
                "(report)");
        }
        return table.ToString();
    }

    private static string Verdict(bool? met) => met switch
    {
        true => ": met",
        false => ": **not met**",
        null => "",
    };
}
