using System.Diagnostics;
using System.Globalization;
using OperationsCenter.Simulator;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Sustained points/s from HTTP ingest to stored in InfluxDB, against InfluxDB's own direct <c>/write</c> rate on the
/// same bodies in the same run. The center runs as its own process so its CPU time is its own.
/// </summary>
internal static class ThroughputBenchmark
{
    // Sent WarmupRounds times at least (the same points again: InfluxDB keeps one of each), about 20 s of load here.
    private const int WarmupPoints = 500_000;
    private const int WarmupRounds = 4;
    private const int MaxWarmupRounds = 12;

    public static async Task<string> RunAsync(int points, int linesPerBody, int series, int concurrency, int nodes, int rounds)
    {
        await using var influx = await InfluxProcess.StartAsync();
        return (await MeasureAsync(influx, points, linesPerBody, series, concurrency, nodes, rounds)).Describe();
    }

    /// <summary>
    /// Rounds against <paramref name="influx"/> (databases <c>direct</c> and <c>center</c>, created here): after both
    /// are warmed up on the same series, each round sends new points straight to InfluxDB, then the same points through
    /// the center. Rates on this shared machine move by a third from one minute to the next, so each pair is measured
    /// back to back and the round with the median ratio is the result; every round is listed with it.
    /// </summary>
    public static async Task<ThroughputResult> MeasureAsync(InfluxProcess influx, int points, int linesPerBody, int series, int concurrency, int nodes, int rounds = 5)
    {
        var departments = DemoDepartments.Instance;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        await influx.CreateDatabaseAsync("direct");
        var direct = new Uri(influx.Url, "/write?db=direct&precision=ns");

        await using var center = await BenchTarget.StartAsync(nodes, departments.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = "center",
            ["OperationsCenter:Spool:MaxBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Error",

            // Measures the most the center takes; the per-department request rate would cap it first.
            ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "0",
            ["OperationsCenter:Ingest:MaxGrainCallsPerSecond"] = Environment.GetEnvironmentVariable("BENCH_GRAIN_BUDGET"),
            ["OperationsCenter:Drain:Concurrency"] = Environment.GetEnvironmentVariable("BENCH_DRAIN_CONCURRENCY"),
            ["OperationsCenter:Drain:MaxBatchBytes"] = Environment.GetEnvironmentVariable("BENCH_DRAIN_BYTES"),
        }));
        using var client = new HttpClient { BaseAddress = center.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

        // Warm up: every series, and enough load that tiered compilation has settled (a fresh process spends half its
        // CPU in the JIT for the first tens of seconds), so the run measures the sustained rate of a running center.
        // InfluxDB's direct database gets the same points once, so neither side pays for creating the series in a round.
        var warmupPoints = Math.Max(series, Math.Min(WarmupPoints, points));
        var warmup = LineBodies.Build(departments.Ids, warmupPoints, linesPerBody, series, LineBodies.FirstTimestampNs - 10L * warmupPoints, tagged: true);
        await BodySender.SendAllAsync(warmup, concurrency, body => BodySender.PostAsync(http, direct, body.Tagged!, null));
        // At least WarmupRounds, then until a round costs the center at least nine tenths of the one before: tiered compilation
        // goes on for a while after the first load, and a first round still paying for it would not be the running center.
        long shipped = 0;
        TimeSpan? previous = null;
        var warmupRounds = 0;
        while (warmupRounds < MaxWarmupRounds)
        {
            var before = center.CpuTime;
            await BodySender.WriteAllAsync(client, warmup, concurrency);
            shipped += warmupPoints;
            await center.AwaitShippedAsync(shipped);
            var cpu = center.CpuTime - before;
            warmupRounds++;
            if (warmupRounds >= WarmupRounds && previous is { } last && cpu >= last * 0.9)
            {
                break;
            }

            previous = cpu;
        }

        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] throughput: center warmed up in {warmupRounds} rounds of {warmupPoints:N0} points");
        var inInflux = await influx.CountAsync("center", LoadLines.Measurement, "f0");

        var results = new List<ThroughputResult>();
        for (var round = 0; round < rounds; round++)
        {
            // New points each round (InfluxDB would only overwrite the same ones), built before any clock starts.
            var bodies = LineBodies.Build(departments.Ids, points, linesPerBody, series, LineBodies.FirstTimestampNs + 2L * round * points, tagged: true);
            await QuietAsync(influx, center);
            var influxBefore = influx.CpuTime;
            var directTime = await BodySender.SendAllAsync(bodies, concurrency, body => BodySender.PostAsync(http, direct, body.Tagged!, null));

            var influxDirect = influx.CpuTime - influxBefore;
            await QuietAsync(influx, center);
            influxBefore = influx.CpuTime;
            var cpuBefore = center.CpuTime;
            var messagesBefore = await center.RemoteMessagesAsync();
            var clock = Stopwatch.StartNew();
            var drainOnly = Environment.GetEnvironmentVariable("BENCH_DRAIN_ONLY") == "1";
            if (drainOnly)
            {
                await influx.StopAsync();
            }

            var accepted = await BodySender.WriteAllAsync(client, bodies, concurrency);
            if (drainOnly)
            {
                await Task.Delay(2000);
                await influx.StartAgainAsync();
                clock.Restart();
                cpuBefore = center.CpuTime;
            }

            shipped += points;
            await center.AwaitShippedAsync(shipped);
            var stored = clock.Elapsed;
            var cpu = center.CpuTime - cpuBefore;
            // With the drain alone InfluxDB was restarted: another process, whose CPU does not compare.
            var influxStored = drainOnly ? TimeSpan.Zero : influx.CpuTime - influxBefore;
            var remote = await center.RemoteMessagesAsync() - messagesBefore;
            var counted = await influx.CountAsync("center", LoadLines.Measurement, "f0");
            results.Add(new ThroughputResult(points, series, linesPerBody, concurrency, nodes, directTime, accepted, stored, counted - inInflux, cpu, remote)
            {
                InfluxCpuDirect = influxDirect,
                InfluxCpuStored = influxStored,
            });
            inInflux = counted;
        }

        return results.OrderBy(r => r.Ratio).ElementAt(results.Count / 2) with { Rounds = results };
    }

    /// <summary>
    /// Waits, a minute at most, until InfluxDB and the center are idle (under a tenth of a core over each of three half-seconds).
    /// InfluxDB snapshots and compacts what it was just sent for seconds after a write returns: without the wait each
    /// side would pay for the other's last points, and the ratio would follow who went first.
    /// </summary>
    private static async Task QuietAsync(InfluxProcess influx, BenchTarget center)
    {
        TimeSpan Busy() => influx.CpuTime + center.CpuTime;

        // Three quiet half-seconds in a row: InfluxDB looks for compaction work about once a second, so one quiet window
        // can fall between two compactions.
        var waited = Stopwatch.StartNew();
        var quiet = 0;
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            var before = Busy();
            await Task.Delay(500);
            quiet = Busy() - before < TimeSpan.FromMilliseconds(50) ? quiet + 1 : 0;
            if (quiet == 3)
            {
                return;
            }
        }

        Console.Error.WriteLine("[throughput] InfluxDB and the center were still busy after a minute; measuring anyway");
    }
}
