using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>A steady load: <c>rate</c> points per second over <c>series</c> series, sent in batches ten times a second.</summary>
internal sealed class LoadFeed(HttpClient http, IReadOnlyList<string> departments, int rate, int series)
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
            await Task.WhenAll(byDepartment.Select(pair => PostAsync(pair.Key, pair.Value.ToString(), ct)));
            if (batch % (batchesPerSecond * 5) == 0)
            {
                Console.WriteLine($"sent {sent} points in {clock.Elapsed.TotalSeconds:F0} s ({sent / clock.Elapsed.TotalSeconds:F0} points/s)");
            }
        }
    }

    private async Task PostAsync(string department, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", DemoKeys.For(department));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{department}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
