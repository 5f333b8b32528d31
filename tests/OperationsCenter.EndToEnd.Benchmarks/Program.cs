using OperationsCenter.EndToEnd.Benchmarks;

// End-to-end benchmarks (see README). --table, --throughput and --latency send from the catalog's 50 demo departments, each with its demo key,
// and every server is its own process on a free loopback port, stopped by its process id.
//   --table       issue 15's whole performance table in one run (markdown, with the run's cores, date and commit):
//                 throughput and CPU, latency at each rate with 429s counted, memory at each series count, snapshot time.
//                 [--quick] scales everything down (about two minutes; to check the command, not to quote)
//                 [--points 1000000] [--lines 5000] [--series 10000] [--clients 4] [--nodes N] [--rounds 5]
//                 [--latency-rates 10000,50000] [--latency-series 5000] [--batches-per-second 20] [--seconds 20] [--warmup 30]
//                 [--memory-series 100000,1000000] [--snapshot-series 100000] [--snapshots 5]
//                 [--parts throughput,latency,memory]: only those parts (the snapshot goes with memory)
//   --latency     ingest → SignalR latency at a fixed rate: [--rate 10000] [--seconds 20] [--series 1000] [--batches-per-second 20] [--nodes N]
//                 (the default when no mode is given)
//   --throughput  ingest → InfluxDB sustained rate against InfluxDB's direct rate, the median of [--rounds 5] back-to-back pairs:
//                 [--points 1000000] [--lines 5000] [--series 10000] [--clients 4]
//                 [--nodes N]: N cluster nodes on one Redis behind nginx instead of one process
//   --spool       spool append throughput and fsync latency
//   --alert-restart  a restart with many open alerts: start → complete alert list and snapshot [--alerts 10000]
// Throughput knobs (environment): BENCH_DRAIN_ONLY=1 holds InfluxDB down during ingest and times the drain alone;
// BENCH_GRAIN_BUDGET, BENCH_DRAIN_CONCURRENCY, BENCH_DRAIN_BYTES override the center's settings of those names.
var arguments = new BenchArguments(args);
if (arguments.Has("--table"))
{
    Console.WriteLine(await TableBenchmark.RunAsync(TableOptions.Parse(arguments)));
}
else if (arguments.Has("--throughput"))
{
    Console.WriteLine(await ThroughputBenchmark.RunAsync(arguments.Int("--points", 1_000_000), arguments.Int("--lines", 5_000), arguments.Int("--series", 10_000), arguments.Int("--clients", 4), arguments.Int("--nodes", 0), arguments.Int("--rounds", 5)));
}
else if (arguments.Has("--alert-restart"))
{
    Console.WriteLine(await AlertRestartBenchmark.RunAsync(arguments.Int("--alerts", 10_000)));
}
else if (arguments.Has("--spool"))
{
    Console.WriteLine(await SpoolBenchmark.RunAsync(arguments.Int("--seconds", 5)));
}
else
{
    Console.WriteLine(await LatencyBenchmark.RunAsync(LatencyOptions.Parse(arguments)));
}
