namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// What <c>--table</c> measures: the figures at full size by default, each knob overridable; <c>--quick</c>
/// scales everything down so the whole table runs in a couple of minutes (to check the command, not to quote).
/// </summary>
internal sealed record TableOptions(
    bool Quick,
    int Points,
    int LinesPerBody,
    int Series,
    int Clients,
    int Nodes,
    int Rounds,
    IReadOnlyList<int> LatencyRates,
    int LatencySeries,
    int BatchesPerSecond,
    int LatencySeconds,
    int LatencyWarmup,
    IReadOnlyList<int> MemorySeries,
    int SnapshotSeries,
    int Snapshots,
    IReadOnlyList<string> Parts)
{
    /// <summary>True when <paramref name="part"/> (<c>throughput</c>, <c>latency</c>, <c>memory</c>) is to be measured.</summary>
    public bool Runs(string part) => Parts.Contains(part);

    /// <summary>Full size unless <c>--quick</c>; any knob given on the command line wins.</summary>
    public static TableOptions Parse(BenchArguments args)
    {
        var quick = args.Has("--quick");
        int Value(string name, int full, int small) => args.Int(name, quick ? small : full);

        return new TableOptions(
            quick,
            Value("--points", 1_000_000, 30_000),
            Value("--lines", 5_000, 5_000),
            Value("--series", 10_000, 10_000),
            Value("--clients", 4, 4),
            Value("--nodes", 0, 0),
            Value("--rounds", 5, 1),
            args.Ints("--latency-rates", "10000,50000"),
            Value("--latency-series", 5_000, 5_000),
            Value("--batches-per-second", 20, 20),
            Value("--seconds", 20, 5),
            Value("--warmup", 30, 2),
            args.Ints("--memory-series", quick ? "1000,5000" : "100000,1000000"),
            Value("--snapshot-series", 100_000, 5_000),
            Value("--snapshots", 5, 3),
            (args.Text("--parts") ?? "throughput,latency,memory").Split(','));
    }
}
