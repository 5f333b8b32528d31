using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
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
    public static async Task<string> RunAsync(LatencyOptions options) =>
        (await MeasureAsync(options, new Dictionary<string, string?>())).Describe();

    /// <summary>
    /// One run against a fresh server process (or cluster, with <see cref="LatencyOptions.Nodes"/>) with the ingest
    /// limits it ships with, so requests refused at this rate are counted; <paramref name="settings"/> add to them
    /// (an InfluxDB to store into, say).
    /// </summary>
    public static async Task<LatencyResult> MeasureAsync(LatencyOptions options, IReadOnlyDictionary<string, string?> settings)
    {
        // No catalog: the wall then shows every series, the load mode's too (with one, only catalog metrics reach it).
        var more = new Dictionary<string, string?>(settings) { ["Logging:LogLevel:Default"] = "Error", ["OperationsCenter:CatalogPath"] = "" };

        // With --nodes N, the wall and the feed both go through nginx, so a value may be written on one node and pushed
        // from another.
        await using var center = await BenchTarget.StartAsync(options.Nodes, DemoDepartments.Instance.Settings(more));
        var latencies = new ConcurrentBag<double>();

        // Only values sent inside the measured window count: set when it opens and when it closes.
        double from = double.MaxValue, to = double.MaxValue;
        await using var hub = await SignIn.WallAsync(center.BaseAddress, TestUsers.Operator);
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

        var answers = new StatusTally();
        using var http = new HttpClient(answers) { BaseAddress = center.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Failures are counted and the last one kept; printing each would flood the console at 50k points/s.
        var sender = new FeedSender(http, TextWriter.Null, DemoDepartments.KeyFor);
        var feed = new LoadFeed(sender, DemoDepartments.Instance.Ids, options.Rate, options.Series, options.BatchesPerSecond);
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        await SettleAsync(center);
        var (cpuBefore, clientCpuBefore) = (center.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var (sentBefore, failedBefore, refusedBefore) = (feed.Sent, sender.Failures, answers.Count(HttpStatusCode.TooManyRequests));
        var clock = Stopwatch.StartNew();
        var windowStart = answers.NowMs;
        Volatile.Write(ref from, LoadFeed.NowMs());

        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        Volatile.Write(ref to, LoadFeed.NowMs());
        var sent = feed.Sent - sentBefore;
        var elapsed = clock.Elapsed;
        var windowEnd = answers.NowMs;
        await stop.CancelAsync();
        await running;
        var cpu = center.CpuTime - cpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var failed = sender.Failures - failedBefore;
        var refused = answers.Count(HttpStatusCode.TooManyRequests) - refusedBefore;
        await Task.Delay(1000); // let the last push arrive

        var lastFailure = sender.LastFailure is { Length: > 200 } text ? text[..200] + "…" : sender.LastFailure;
        return new LatencyResult(options, sent, elapsed, failed, refused, lastFailure, [.. latencies.Order()], cpu, clientCpu) { OtherAnswers = answers.Others(), RequestTimes = answers.Timing(windowStart, windowEnd) };
    }

    /// <summary>
    /// Waits, a minute at most, until the server's CPU at the offered load stops falling (tiered compilation of a
    /// fresh process goes on for a while after the load starts, at up to a third of the CPU): the measured window is
    /// then the running center's.
    /// </summary>
    private static async Task SettleAsync(BenchTarget center)
    {
        var window = TimeSpan.FromSeconds(5);
        var waited = Stopwatch.StartNew();
        var start = center.CpuTime;
        await Task.Delay(window);
        var previous = center.CpuTime - start;
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            start = center.CpuTime;
            await Task.Delay(window);
            var current = center.CpuTime - start;
            if (current >= previous * 0.9)
            {
                break;
            }

            previous = current;
        }

        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] server CPU settled after {waited.Elapsed.TotalSeconds:F0} s more");
    }
}
