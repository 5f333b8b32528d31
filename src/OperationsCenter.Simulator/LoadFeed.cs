using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>A steady load: <c>rate</c> points per second over <c>series</c> series, sent in batches ten times a second.</summary>
internal sealed class LoadFeed(FeedSender sender, IReadOnlyList<string> departments, int rate, int series)
{
    public async Task RunAsync(CancellationToken ct)
    {
        const int batchesPerSecond = 10;
        var perBatch = Math.Max(1, rate / batchesPerSecond);
        var clock = Stopwatch.StartNew();
        long sent = 0, batch = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / batchesPerSecond));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var byDepartment = new Dictionary<string, StringBuilder>();
            for (var i = 0; i < perBatch; i++)
            {
                var s = (int)((sent + i) % series);
                var department = departments[s % departments.Count];
                if (!byDepartment.TryGetValue(department, out var body))
                {
                    byDepartment[department] = body = new StringBuilder();
                }

                body.Append(CultureInfo.InvariantCulture, $"load,unit=u{s} value={(sent + i) % 1000},seq={sent + i}i\n");
            }

            sent += perBatch;
            batch++;
            await sender.SendAsync(byDepartment.Select(pair => (pair.Key, pair.Value.ToString())), ct);
            if (batch % (batchesPerSecond * 5) == 0)
            {
                Console.WriteLine($"sent {sent} points in {clock.Elapsed.TotalSeconds:F0} s ({sent / clock.Elapsed.TotalSeconds:F0} points/s)");
            }
        }
    }
}
