namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What load to offer and for how long.</summary>
internal sealed record LatencyOptions(int Rate, int Seconds, int Series, int BatchesPerSecond, int WarmupSeconds, int Nodes)
{
    public static LatencyOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
        }

        return new LatencyOptions(Value("--rate", 10_000), Value("--seconds", 20), Value("--series", 1_000), Value("--batches-per-second", 20), Value("--warmup", 3), Value("--nodes", 0));
    }
}
