using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
    public static async Task<string> RunAsync(int points, int linesPerBody, int series, int concurrency, int nodes = 0)
    {
        var bodies = Bodies(points, linesPerBody, series);
        await using var influx = await InfluxProcess.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

        // InfluxDB alone: the same bodies straight to /write, department tag included as the center would add it.
        await influx.CreateDatabaseAsync("direct");
        var direct = await TimeAsync(bodies, concurrency, (body, _) =>
            PostAsync(http, new Uri(influx.Url, "/write?db=direct&precision=ns"), body.WithDepartment, null));
        var directRate = points / direct.TotalSeconds;

        await using var center = await BenchTarget.StartAsync(nodes, new Dictionary<string, string?>
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
        });
        using var client = new HttpClient { BaseAddress = center.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var departments = CenterHost.Departments;

        // Warm up: every series once (grain activations, JIT), so the run measures the sustained rate.
        var warmup = Bodies(series, linesPerBody, series, timeOffset: -10_000_000_000L);
        await TimeAsync(warmup, concurrency, (body, i) =>
            PostAsync(client, new Uri(center.BaseAddress, "/write?db=ioc&precision=ns"), body.Plain, TestDepartments.KeyFor(departments[i % departments.Count])));
        await AwaitShippedAsync(center, series);

        var cpuBefore = center.CpuTime;
        var messagesBefore = await center.RemoteMessagesAsync();
        var clock = Stopwatch.StartNew();
        var drainOnly = Environment.GetEnvironmentVariable("BENCH_DRAIN_ONLY") == "1";
        if (drainOnly)
        {
            await influx.StopAsync();
        }

        var accepted = await TimeAsync(bodies, concurrency, (body, i) =>
            PostAsync(client, new Uri(center.BaseAddress, "/write?db=ioc&precision=ns"), body.Plain, TestDepartments.KeyFor(departments[i % departments.Count])));
        if (drainOnly)
        {
            await Task.Delay(2000);
            await influx.StartAgainAsync();
            clock.Restart();
            cpuBefore = center.CpuTime;
        }
        await AwaitShippedAsync(center, series + points);
        var endToEnd = clock.Elapsed;
        var cpu = center.CpuTime - cpuBefore;
        var remote = await center.RemoteMessagesAsync() - messagesBefore;
        var stored = await influx.CountAsync("center", LoadLines.Measurement, "f0") - series;
        var rate = points / endToEnd.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Ingest → InfluxDB throughput ({points:N0} points, {series:N0} series, {linesPerBody} lines per request, {concurrency} clients, {(nodes == 0 ? "one process" : $"{nodes} cluster node(s) behind nginx")})
              InfluxDB direct /write:   {directRate,10:N0} points/s ({direct.TotalSeconds:F1} s)
              center, all 204s:         {points / accepted.TotalSeconds,10:N0} points/s ({accepted.TotalSeconds:F1} s)
              center, stored in InfluxDB:{rate,10:N0} points/s ({endToEnd.TotalSeconds:F1} s)  ratio to direct: {rate / directRate:F2}
              points in InfluxDB:       {stored:N0} of {points:N0}
              center CPU:               {cpu.TotalSeconds:F1} s, {cpu.TotalSeconds / (points / 1e6):F2} CPU s per million points
              cross-node messages:      {remote:N0}, {remote / points:F3} per point (Orleans messages sent between nodes, responses and membership included)
            """);
    }

    private static async Task AwaitShippedAsync(BenchTarget center, long total)
    {
        while (await center.ShippedAsync() is var (shipped, backlog) && (shipped < total || backlog > 0))
        {
            await Task.Delay(50);
        }
    }

    private static async Task<TimeSpan> TimeAsync(IReadOnlyList<Body> bodies, int concurrency, Func<Body, int, Task> send)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                await send(bodies[i], i);
            }
        }));
        return clock.Elapsed;
    }

    private static async Task PostAsync(HttpClient http, Uri url, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The simulator's load points (<see cref="LoadLines"/>: one tag, five fields) with distinct timestamps, built before
    /// the clock starts so only sending is timed.
    /// </summary>
    private static List<Body> Bodies(int points, int linesPerBody, int series, long timeOffset = 0)
    {
        var departments = CenterHost.Departments;
        var bodies = new List<Body>();
        var start = 1_764_000_000_000_000_000L + timeOffset;
        for (var first = 0; first < points; first += linesPerBody)
        {
            var department = departments[bodies.Count % departments.Count];
            var plain = new StringBuilder(linesPerBody * 110);
            var tagged = new StringBuilder(linesPerBody * 130);
            for (var i = first; i < Math.Min(points, first + linesPerBody); i++)
            {
                LoadLines.Append(plain, i, series, timestampNs: start + i);
                LoadLines.Append(tagged, i, series, department, timestampNs: start + i);
            }

            bodies.Add(new Body(Encoding.UTF8.GetBytes(plain.ToString()), Encoding.UTF8.GetBytes(tagged.ToString())));
        }

        return bodies;
    }

    private sealed record Body(byte[] Plain, byte[] WithDepartment);
}
