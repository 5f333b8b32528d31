using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>
/// A steady load: <c>rate</c> points per second over <c>series</c> series (<see cref="LoadLines"/>), sent in
/// <c>batchesPerSecond</c> batches a second. Each series always comes from the same department, so the center holds
/// exactly <c>series</c> series; each point carries its send time (<see cref="LoadLines.SentField"/>) so a receiver can
/// measure how long it took to arrive. Open loop: a batch goes out on its tick whether or not earlier ones were
/// answered, so a slow answer does not lower the offered rate. The simulator's <c>--rate</c> mode and the end-to-end
/// latency benchmark both run this.
/// </summary>
internal sealed class LoadFeed(FeedSender sender, IReadOnlyList<string> departments, int rate, int series, int batchesPerSecond = 10, TextWriter? progress = null)
{
    private long _sent;

    /// <summary>Points sent so far (requests made; the sender counts what was accepted).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The send time stamped on points, in ms since the Unix epoch.</summary>
    public static double NowMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    /// <summary>Sends a batch every tick until cancelled, then waits for the requests in flight and returns.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        // Each tick sends what the elapsed time owes, so a tick the timer merged (a busy machine) does not lower the
        // offered rate: the rate is offered exactly, as a steady sender would.
        var clock = Stopwatch.StartNew();
        var inflight = new List<Task>();
        long batch = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / batchesPerSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var sent = Sent;
                var count = (int)Math.Max(0, (long)(clock.Elapsed.TotalSeconds * rate) - sent);
                if (count == 0)
                {
                    continue;
                }

                inflight.Add(sender.SendAsync(Batch(sent, count), CancellationToken.None));
                Interlocked.Add(ref _sent, count);
                batch++;
                inflight.RemoveAll(t => t.IsCompleted);
                if (progress is not null && batch % (batchesPerSecond * 5) == 0)
                {
                    progress.WriteLine($"sent {Sent} points in {clock.Elapsed.TotalSeconds:F0} s ({Sent / clock.Elapsed.TotalSeconds:F0} points/s)");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inflight);
    }

    /// <summary>Points <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1, one body per department.</summary>
    private List<(string Department, string Body)> Batch(long first, int count)
    {
        var sentMs = NowMs().ToString("F3", CultureInfo.InvariantCulture);
        var byDepartment = new Dictionary<string, StringBuilder>();
        for (var n = first; n < first + count; n++)
        {
            var department = departments[LoadLines.SeriesOf(n, series) % departments.Count];
            if (!byDepartment.TryGetValue(department, out var body))
            {
                byDepartment[department] = body = new StringBuilder(count * 80 / departments.Count + 80);
            }

            LoadLines.Append(body, n, series, sentMs: sentMs);
        }

        return [.. byDepartment.Select(pair => (pair.Key, pair.Value.ToString()))];
    }
}
