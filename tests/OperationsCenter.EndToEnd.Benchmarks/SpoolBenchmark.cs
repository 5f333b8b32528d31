using System.Diagnostics;
using System.Globalization;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>Appends per second, MB/s and append (write + fsync) latency of the spool, with concurrent writers.</summary>
internal static class SpoolBenchmark
{
    public static async Task<string> RunAsync(int seconds)
    {
        var report = new List<string> { "Spool append (each acknowledged after fsync; group commit)" };
        foreach (var (size, writers) in new[] { (1024, 1), (1024, 8), (65536, 8), (1 << 20, 8) })
        {
            var directory = Path.Combine(Path.GetTempPath(), "spool-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var spool = Spool.Open(new SpoolOptions { Directory = directory, MaxBytes = long.MaxValue });
                var payload = new byte[size];
                Array.Fill(payload, (byte)'x');
                var latencies = new List<double>();
                var clock = Stopwatch.StartNew();
                var deadline = TimeSpan.FromSeconds(seconds);
                await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
                {
                    var mine = new List<double>();
                    while (clock.Elapsed < deadline)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await spool.AppendAsync(payload, 1);
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }

                    lock (latencies)
                    {
                        latencies.AddRange(mine);
                    }
                }));
                latencies.Sort();
                var elapsed = clock.Elapsed.TotalSeconds;
                report.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {size / 1024,5} KiB records, {writers} writers: {latencies.Count / elapsed,8:N0} appends/s, {latencies.Count * (double)size / elapsed / 1e6,7:F1} MB/s, latency p50 {latencies[latencies.Count / 2]:F2} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return string.Join('\n', report);
    }
}
