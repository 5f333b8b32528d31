using OperationsCenter.EndToEnd.Benchmarks;

// Two end-to-end benchmarks (see README):
//   --latency     ingest → SignalR latency at a fixed rate: [--rate 10000] [--seconds 20] [--series 1000] [--batches-per-second 20] [--nodes N]
//   --throughput  ingest → InfluxDB sustained rate against InfluxDB's direct rate: [--points 1000000] [--lines 5000] [--series 10000] [--clients 4]
//                 [--nodes N]: N cluster nodes on one Redis behind nginx instead of one process
//   --spool       spool append throughput and fsync latency
//   --alert-restart  a restart with many open alerts: start → complete alert list and snapshot [--alerts 10000]
// Throughput knobs (environment): BENCH_DRAIN_ONLY=1 holds InfluxDB down during ingest and times the drain alone;
// BENCH_GRAIN_BUDGET, BENCH_DRAIN_CONCURRENCY, BENCH_DRAIN_BYTES override the center's settings of those names.
int Value(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
}

if (args.Contains("--throughput"))
{
    Console.WriteLine(await ThroughputBenchmark.RunAsync(Value("--points", 1_000_000), Value("--lines", 5_000), Value("--series", 10_000), Value("--clients", 4), Value("--nodes", 0)));
}
else if (args.Contains("--alert-restart"))
{
    Console.WriteLine(await AlertRestartBenchmark.RunAsync(Value("--alerts", 10_000)));
}
else if (args.Contains("--spool"))
{
    Console.WriteLine(await SpoolBenchmark.RunAsync(Value("--seconds", 5)));
}
else
{
    Console.WriteLine(await LatencyBenchmark.RunAsync(LatencyOptions.Parse(args)));
}
