using System.Globalization;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Every figure of issue 15's table in one run, each part on its own fresh server process and its own InfluxDB, stopped
/// when the part ends: throughput and CPU, latency at each rate, memory at each series count, and snapshot times on the
/// server of the memory run with <see cref="TableOptions.SnapshotSeries"/> series, after its memory was read. An
/// InfluxDB left running compacts what it was sent for minutes after, on the cores the next part measures.
/// </summary>
internal static class TableBenchmark
{
    public static async Task<string> RunAsync(TableOptions options)
    {
        var context = await RunContext.DescribeAsync();
        var throughput = !options.Runs("throughput") ? null : await Measured<ThroughputResult>.RunAsync("throughput", async () =>
        {
            await using var influx = await InfluxProcess.StartAsync();
            return await ThroughputBenchmark.MeasureAsync(influx, options.Points, options.LinesPerBody, options.Series, options.Clients, options.Nodes, options.Rounds);
        }, r => r.Describe());

        var latency = new List<Measured<LatencyResult>>();
        foreach (var rate in options.Runs("latency") ? options.LatencyRates : [])
        {
            // The center stores into InfluxDB meanwhile, as in production: InfluxDB's CPU is on the same cores.
            await using var store = await InfluxProcess.StartAsync();
            var database = "latency" + rate.ToString(CultureInfo.InvariantCulture);
            await store.CreateDatabaseAsync(database);
            var load = new LatencyOptions(rate, options.LatencySeconds, options.LatencySeries, options.BatchesPerSecond, options.LatencyWarmup, options.Nodes);
            latency.Add(await Measured<LatencyResult>.RunAsync($"latency at {rate:N0} points/s",
                () => LatencyBenchmark.MeasureAsync(load, new Dictionary<string, string?>
                {
                    ["OperationsCenter:Influx:Url"] = store.Url.ToString(),
                    ["OperationsCenter:Influx:Database"] = database,
                }), r => r.Describe()));
        }

        var memory = new List<Measured<MemoryResult>>();
        IReadOnlyList<int> counts = !options.Runs("memory") ? [] : options.MemorySeries.Contains(options.SnapshotSeries) ? options.MemorySeries : [.. options.MemorySeries, options.SnapshotSeries];
        foreach (var series in counts)
        {
            var snapshots = series == options.SnapshotSeries ? options.Snapshots : 0;
            memory.Add(await Measured<MemoryResult>.RunAsync($"memory with {series:N0} series", async () =>
            {
                await using var influx = await InfluxProcess.StartAsync();
                return await MemoryBenchmark.MeasureAsync(influx, series, options.Nodes, snapshots);
            }, r => r.Describe()));
        }

        var snapshot = counts.Count == 0 ? null : memory[counts.ToList().IndexOf(options.SnapshotSeries)];
        var memoryRows = memory.Take(Math.Min(memory.Count, options.MemorySeries.Count)).ToList();
        return context + "\n\n" + PerformanceTable.Format(options, throughput, latency, memoryRows, snapshot);
    }
}
