using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Sends points carrying their send time over HTTP at a fixed rate and records, at a SignalR client of
/// <c>/hubs/wall</c>, how long each pushed value took to arrive. Pushes carry the latest value per series
/// every push interval, so the figure is the time until a written value is on the wall.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<string> RunAsync(LatencyOptions options)
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var latencies = new ConcurrentBag<double>();
        var measuring = false;
        await using var hub = await host.WallConnectionAsync(TestUsers.Operator);
        hub.On<JsonElement[]>("seriesUpdated", batch =>
        {
            var now = NowMs();
            if (!Volatile.Read(ref measuring))
            {
                return;
            }

            foreach (var series in batch)
            {
                foreach (var field in series.GetProperty("fields").EnumerateArray())
                {
                    if (field.GetProperty("name").GetString() == "sent_ms")
                    {
                        latencies.Add(now - field.GetProperty("value").GetDouble());
                    }
                }
            }
        });
        await hub.StartAsync();

        using var http = host.CreateClient();
        var departments = CenterHost.Departments;
        var perBatch = options.Rate / options.BatchesPerSecond;
        var interval = TimeSpan.FromSeconds(1.0 / options.BatchesPerSecond);
        var total = options.WarmupSeconds + options.Seconds;
        var cpuBefore = TimeSpan.Zero;
        long sent = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var measureStart = TimeSpan.Zero;
        var inflight = new List<Task>();
        using var timer = new PeriodicTimer(interval);
        for (var tick = 0; tick < total * options.BatchesPerSecond; tick++)
        {
            if (tick == options.WarmupSeconds * options.BatchesPerSecond)
            {
                Volatile.Write(ref measuring, true);
                cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                measureStart = clock.Elapsed;
                sent = 0;
            }

            var department = departments[tick % departments.Count];
            var body = new StringBuilder(perBatch * 64);
            var now = NowMs().ToString("F3", CultureInfo.InvariantCulture);
            for (var i = 0; i < perBatch; i++)
            {
                body.Append(CultureInfo.InvariantCulture, $"bench,unit=u{(tick * perBatch + i) % options.Series} value={i}i,sent_ms={now}\n");
            }

            inflight.Add(PostAsync(http, host.KeyFor(department), body.ToString()).ContinueWith(t =>
            {
                if (!t.Result)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
            sent += perBatch;
            inflight.RemoveAll(t => t.IsCompleted);
            await timer.WaitForNextTickAsync();
        }

        await Task.WhenAll(inflight);
        var elapsed = clock.Elapsed - measureStart;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await Task.Delay(1000); // let the last push arrive
        Volatile.Write(ref measuring, false);

        var sorted = latencies.OrderBy(l => l).ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"""
            Ingest → SignalR latency ({options.Series} series, {options.BatchesPerSecond} HTTP batches/s of {perBatch} points)
              offered:   {sent / elapsed.TotalSeconds:F0} points/s for {elapsed.TotalSeconds:F1} s, {failed} failed requests
              received:  {sorted.Length} field values at the hub client
              latency:   p50 {P(0.50):F0} ms, p90 {P(0.90):F0} ms, p99 {P(0.99):F0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} ms
              CPU:       {cpu.TotalSeconds:F1} s for server + client in this process ({cpu.TotalSeconds / (sent / 1e6):F1} s per million points)
            """);
    }

    private static async Task<bool> PostAsync(HttpClient http, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static double NowMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
