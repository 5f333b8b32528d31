using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// What a restart costs with many open alerts: N series break a rule (N firing alerts in Redis), the server is killed
/// (SIGKILL) and started again; timed from the start to <c>/ping</c>, to a complete <c>GET /api/v1/alerts</c> and to a
/// complete hub snapshot.
/// </summary>
internal static class AlertRestartBenchmark
{
    private const string Rule = """
        rules:
          - name: bench-high
            kind: threshold
            match: { measurement: t_bench, field: v }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "Cao {value}", en: "High {value}" }
            description: { vi: "Cao", en: "High" }
        """;

    public static async Task<string> RunAsync(int alerts)
    {
        await using var redis = await RedisProcess.StartAsync();
        var rules = Directory.CreateTempSubdirectory("bench-rules-");
        await File.WriteAllTextAsync(Path.Combine(rules.FullName, "bench.yaml"), Rule);
        try
        {
            await using var center = await CenterProcess.StartAsync(new Dictionary<string, string?>
            {
                ["OperationsCenter:Alerts:Storage"] = "Redis",
                ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
                ["OperationsCenter:Alerts:RulesDirectory"] = rules.FullName,
            });
            using var client = center.CreateClient();
            const int perRequest = 2_000;
            var fired = Stopwatch.StartNew();
            for (var start = 0; start < alerts; start += perRequest)
            {
                var body = new StringBuilder();
                for (var i = start; i < Math.Min(alerts, start + perRequest); i++)
                {
                    body.Append(CultureInfo.InvariantCulture, $"t_bench,s=s{i} v=50\n");
                }

                await IngestClient.WriteLinesAsync(client, "so-noi-vu", body.ToString());
            }

            using var reader = await center.CreateClientAsync(TestUsers.Operator);
            await Await.UntilAsync(() => CountAsync(reader), n => n >= alerts, $"{alerts} firing alerts", TimeSpan.FromMinutes(10));
            var firedIn = fired.Elapsed;

            await center.KillAsync();
            var clock = Stopwatch.StartNew();
            await center.StartAgainAsync();
            var ping = clock.Elapsed;
            using var afterRestart = await center.CreateClientAsync(TestUsers.Operator);
            var listed = await CountAsync(afterRestart);
            var listedAt = clock.Elapsed;
            var snapshotStarted = clock.Elapsed;
            var snapshot = (await SnapshotTiming.ReceiveAsync(center.BaseAddress)).Alerts;
            var snapshotAt = clock.Elapsed;

            return string.Join('\n',
                $"Restart with {alerts:N0} open alerts (Redis, SIGKILL then start; {alerts:N0} alerts fired in {firedIn.TotalSeconds:F1} s)",
                $"  start → /ping 204:                 {ping.TotalSeconds,6:F2} s",
                $"  start → GET /api/v1/alerts:        {listedAt.TotalSeconds,6:F2} s ({listed:N0} listed; the call itself {(listedAt - ping).TotalMilliseconds:F0} ms)",
                $"  hub snapshot after that:           {(snapshotAt - snapshotStarted).TotalMilliseconds,6:F0} ms ({snapshot:N0} alerts)");
        }
        finally
        {
            rules.Delete(recursive: true);
        }
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=firing")).GetArrayLength();
}
