using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Simulator;
using OperationsCenter.Testing;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Offers the simulator's load mode (<see cref="LoadFeed"/>: points stamped with their send time) over HTTP at a fixed
/// rate and records, at a SignalR client of <c>/hubs/wall</c>, how long each pushed value took to arrive. Pushes carry
/// the latest value per series every push interval, so the figure is the time until a written value is on the wall.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<string> RunAsync(LatencyOptions options)
    {
        // No catalog: the wall then shows every series, the load mode's too (with one, only catalog metrics reach it).
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error", ["OperationsCenter:CatalogPath"] = "" };

        // One in-process server by default; with --nodes N, a cluster of server processes behind nginx (the wall and the
        // feed both go through nginx, so a value may be written on one node and pushed from another).
        await using var cluster = options.Nodes > 0 ? await BenchTarget.StartAsync(options.Nodes, settings) : null;
        await using var host = cluster is null ? await CenterHost.StartAsync(settings) : null;
        var baseAddress = cluster?.BaseAddress ?? host!.BaseAddress;
        TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime + (cluster?.CpuTime ?? TimeSpan.Zero);
        var latencies = new ConcurrentBag<double>();

        // Only values sent inside the measured window count: set when it opens and when it closes.
        double from = double.MaxValue, to = double.MaxValue;
        await using var hub = await SignIn.WallAsync(baseAddress, TestUsers.Operator);
        hub.On<JsonElement[]>("seriesUpdated", batch =>
        {
            var now = LoadFeed.NowMs();
            var (windowFrom, windowTo) = (Volatile.Read(ref from), Volatile.Read(ref to));
            foreach (var series in batch)
            {
                foreach (var field in series.GetProperty("fields").EnumerateArray())
                {
                    if (field.GetProperty("name").GetString() == LoadLines.SentField
                        && field.GetProperty("value").GetDouble() is var sent && sent >= windowFrom && sent < windowTo)
                    {
                        latencies.Add(now - sent);
                    }
                }
            }
        });
        await hub.StartAsync();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var sender = new FeedSender(http, Console.Error, TestDepartments.KeyFor);
        var feed = new LoadFeed(sender, CenterHost.Departments, options.Rate, options.Series, options.BatchesPerSecond);
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var cpuBefore = Cpu();
        var (sentBefore, failedBefore) = (feed.Sent, sender.Failures);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref from, LoadFeed.NowMs());

        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        Volatile.Write(ref to, LoadFeed.NowMs());
        var sent = feed.Sent - sentBefore;
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await running;
        var cpu = Cpu() - cpuBefore;
        var failed = sender.Failures - failedBefore;
        await Task.Delay(1000); // let the last push arrive

        var sorted = latencies.OrderBy(l => l).ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"""
            Ingest → SignalR latency ({(options.Nodes == 0 ? "one process" : $"{options.Nodes} cluster node(s) behind nginx")}; simulator load mode: {options.Series} series, {options.BatchesPerSecond} batches/s of {options.Rate / options.BatchesPerSecond} points, one request per department)
              offered:   {sent / elapsed.TotalSeconds:F0} points/s for {elapsed.TotalSeconds:F1} s, {failed} failed requests
              received:  {sorted.Length} field values at the hub client
              latency:   p50 {P(0.50):F0} ms, p90 {P(0.90):F0} ms, p99 {P(0.99):F0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} ms
              CPU:       {cpu.TotalSeconds:F1} s for server(s) + client ({cpu.TotalSeconds / (sent / 1e6):F1} s per million points)
            """);
    }
}
