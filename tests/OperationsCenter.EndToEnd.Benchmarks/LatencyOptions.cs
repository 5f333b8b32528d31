namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What load to offer and for how long.</summary>
internal sealed record LatencyOptions(int Rate, int Seconds, int Series, int BatchesPerSecond, int WarmupSeconds, int Nodes)
{
    public static LatencyOptions Parse(BenchArguments args) =>
        new(args.Int("--rate", 10_000), args.Int("--seconds", 20), args.Int("--series", 1_000), args.Int("--batches-per-second", 20), args.Int("--warmup", 3), args.Int("--nodes", 0));
}
