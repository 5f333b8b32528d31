using System.Globalization;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What one throughput run measured: the same points sent to InfluxDB directly and through the center.</summary>
internal sealed record ThroughputResult(
    int Points,
    int Series,
    int LinesPerBody,
    int Concurrency,
    int Nodes,
    TimeSpan Direct,
    TimeSpan Accepted,
    TimeSpan Stored,
    long PointsInInflux,
    TimeSpan Cpu,
    double RemoteMessages)
{
    /// <summary>Every round of the run this result was chosen from (the median by ratio); empty for a single round.</summary>
    public IReadOnlyList<ThroughputResult> Rounds { get; init; } = [];

    /// <summary>InfluxDB's CPU time while it took the points straight from the senders.</summary>
    public TimeSpan InfluxCpuDirect { get; init; }

    /// <summary>InfluxDB's CPU time while the center stored the same points: more than direct when the center's writes cost it more.</summary>
    public TimeSpan InfluxCpuStored { get; init; }

    /// <summary>Points/s InfluxDB took straight from the senders.</summary>
    public double DirectRate => Points / Direct.TotalSeconds;

    /// <summary>Points/s the center answered 204 for (durable in its spool).</summary>
    public double AcceptedRate => Points / Accepted.TotalSeconds;

    /// <summary>Points/s from the first request to the last point confirmed by InfluxDB.</summary>
    public double StoredRate => Points / Stored.TotalSeconds;

    /// <summary>The center's stored rate over InfluxDB's direct rate.</summary>
    public double Ratio => StoredRate / DirectRate;

    /// <summary>Server CPU seconds (every node) per million points.</summary>
    public double CpuPerMillion => Cpu.TotalSeconds / (Points / 1e6);

    /// <summary>The figures, a line each.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"""
        Ingest → InfluxDB throughput ({Points:N0} points, {Series:N0} series over {DemoDepartments.Instance.Ids.Count} departments, {LinesPerBody} lines per request, {Concurrency} clients, {BenchTarget.Describe(Nodes)})
          InfluxDB direct /write:   {DirectRate,10:N0} points/s ({Direct.TotalSeconds:F1} s)
          center, all 204s:         {AcceptedRate,10:N0} points/s ({Accepted.TotalSeconds:F1} s)
          center, stored in InfluxDB:{StoredRate,10:N0} points/s ({Stored.TotalSeconds:F1} s)  ratio to direct: {Ratio:F2}
          points in InfluxDB:       {PointsInInflux:N0} of {Points:N0}
          center CPU:               {Cpu.TotalSeconds:F1} s, {CpuPerMillion:F2} CPU s per million points
          cross-node messages:      {RemoteMessages:N0}, {RemoteMessages / Points:F3} per point (Orleans messages sent between nodes, responses and membership included)
          rounds (the median by ratio above): {string.Join("; ", Rounds.Select(r => $"direct {r.DirectRate:N0}/s, stored {r.StoredRate:N0}/s, ratio {r.Ratio:F2}, {r.CpuPerMillion:F2} CPU-s/M, InfluxDB {r.InfluxCpuDirect.TotalSeconds:F1} / {r.InfluxCpuStored.TotalSeconds:F1} CPU-s"))}
        """);
}
