using System.Globalization;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What one latency run measured: the load actually offered, what was refused, and the latencies at the hub client.</summary>
/// <param name="Options">The load asked for.</param>
/// <param name="Sent">Points sent inside the measured window.</param>
/// <param name="Elapsed">The measured window.</param>
/// <param name="Failed">Requests inside the window not answered 2xx (429s included).</param>
/// <param name="Refused">Requests inside the window answered 429.</param>
/// <param name="LastFailure">The last failure's description, or null.</param>
/// <param name="Latencies">Each received value's latency in ms, sorted.</param>
/// <param name="ServerCpu">CPU time of the server process(es) inside the window.</param>
/// <param name="ClientCpu">CPU time of this process (the feed and the hub client) inside the window: on a machine this
/// small, a sender short of CPU is why an asked rate is not offered.</param>
internal sealed record LatencyResult(LatencyOptions Options, long Sent, TimeSpan Elapsed, long Failed, long Refused, string? LastFailure, double[] Latencies, TimeSpan ServerCpu, TimeSpan ClientCpu)
{
    /// <summary>
    /// Answers other than 2xx and 429 over the whole run, warm-up included ("503 ×16"); a failed request without one of
    /// these never got an answer (a connection error).
    /// </summary>
    public string OtherAnswers { get; init; } = "";

    /// <summary>How long the requests of the window took to be answered, and when those refused were sent.</summary>
    public string RequestTimes { get; init; } = "";

    /// <summary>Points/s actually sent: below the asked rate when the sender could not keep up.</summary>
    public double OfferedRate => Sent / Elapsed.TotalSeconds;

    /// <summary>True when the offered rate is within 5% of the asked rate.</summary>
    public bool OfferedInFull => OfferedRate >= 0.95 * Options.Rate;

    /// <summary>The <paramref name="q"/>-quantile of the latencies in ms (NaN when none arrived).</summary>
    public double Quantile(double q) => Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, (int)(q * Latencies.Length))];

    /// <summary>The figures, a line each.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"""
        Ingest → SignalR latency ({BenchTarget.Describe(Options.Nodes)}; simulator load mode: {Options.Series} series over {DemoDepartments.Instance.Ids.Count} departments, {Options.BatchesPerSecond} batches/s of {Options.Rate / Options.BatchesPerSecond} points, one request per department)
          offered:   {OfferedRate:F0} points/s of {Options.Rate} asked{(OfferedInFull ? "" : " (NOT offered in full: the sender fell behind)")} for {Elapsed.TotalSeconds:F1} s; {Failed} failed requests, {Refused} of them 429{(LastFailure is null || Failed == 0 ? "" : $" (last: {LastFailure})")}{(OtherAnswers.Length == 0 ? "" : $"; other answers over the run: {OtherAnswers}")}
          requests:  {RequestTimes}
          received:  {Latencies.Length} field values at the hub client
          latency:   p50 {Quantile(0.50):F0} ms, p90 {Quantile(0.90):F0} ms, p99 {Quantile(0.99):F0} ms, max {(Latencies.Length > 0 ? Latencies[^1] : double.NaN):F0} ms
          CPU:       {ServerCpu.TotalSeconds:F1} s for the server(s) ({ServerCpu.TotalSeconds / (Sent / 1e6):F1} s per million points), {ClientCpu.TotalSeconds:F1} s for the feed and hub client
        """);
}
