using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Catalog;
using OperationsCenter.Simulator;
using OperationsCenter.Simulator.Province;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// The server's resident memory holding N live series: a fresh server, N series fed once each through the normal
/// ingest (<c>/write</c>, each department with its own key), read from <c>/proc</c> once the live state holds them,
/// InfluxDB has them and the size has stopped moving; then, when asked, a few wall connections' snapshot times.
/// </summary>
internal static class MemoryBenchmark
{
    private const int LinesPerBody = 5_000;
    private const int Senders = 4;

    /// <summary>One run, storing into database <c>memory</c> of <paramref name="influx"/>.</summary>
    public static async Task<MemoryResult> MeasureAsync(InfluxProcess influx, int series, int nodes, int snapshots)
    {
        var swapBefore = SwapReading.Now();
        var database = "memory" + series.ToString(CultureInfo.InvariantCulture);
        await influx.CreateDatabaseAsync(database);
        await using var center = await BenchTarget.StartAsync(nodes, DemoDepartments.Instance.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = database,
            ["Logging:LogLevel:Default"] = "Error",

            // The feed is how the series get there, not what is measured: no request should be refused for its rate.
            ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "0",
        }));
        var (idle, _) = await SettledResidentAsync(center);

        var bodies = LineBodies.Build(DemoDepartments.Instance.Ids, series, LinesPerBody, series, timestampNs: null, tagged: false);
        using var client = new HttpClient { BaseAddress = center.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var fed = await BodySender.WriteAllAsync(client, bodies, Senders);
        bodies.Clear();

        // And one round of the province's own reports, so the wall has its catalog series among the many.
        var province = new ProvinceModel(CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml")), seed: 1, DateTimeOffset.UtcNow);
        await new FeedSender(client, TextWriter.Null, DemoDepartments.KeyFor)
            .SendAsync(province.Round(0, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), []), CancellationToken.None);

        // Live state takes points a flush after the answer, at most MaxGrainCallsPerSecond series a second: allow for it.
        using var reader = await SignIn.ClientAsync(center.BaseAddress, TestUsers.Operator);
        var live = await LiveSeriesAsync(reader);
        try
        {
            live = await Await.UntilAsync(() => LiveSeriesAsync(reader), n => n >= series, $"{series:N0} series in live state", TimeSpan.FromSeconds(60 + series / 2_000));
        }
        catch (TimeoutException)
        {
            // Reported as it is: the table shows how many the live state held when the memory was read.
            live = await LiveSeriesAsync(reader);
        }

        await center.AwaitShippedAsync(series);
        var (resident, settled) = await SettledResidentAsync(center);
        var swapAfter = SwapReading.Now();

        // The memory figure stands whatever the snapshots do: a failed connection is reported beside it.
        var timings = new List<SnapshotTiming>();
        var failures = new List<string>();
        for (var i = 0; i < snapshots; i++)
        {
            try
            {
                timings.Add(await SnapshotTiming.ReceiveAsync(center.BaseAddress));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                failures.Add(ex.Message);
            }
        }

        return new MemoryResult(series, live, fed, idle, resident, settled, swapBefore, swapAfter, timings, failures);
    }

    /// <summary>Series the live state holds: the overview's per-department series counts, summed.</summary>
    private static async Task<long> LiveSeriesAsync(HttpClient reader)
    {
        var overview = await reader.GetFromJsonAsync<JsonElement>("/api/v1/overview");
        return overview.GetProperty("departments").EnumerateArray().Sum(d => d.GetProperty("seriesCount").GetInt64());
    }

    /// <summary>
    /// The resident size once it stops moving (three readings a second apart within 1%): the server's collector runs
    /// when it chooses, so one reading may catch garbage not yet given back. Gives up after two minutes.
    /// </summary>
    private static async Task<(long Bytes, bool Settled)> SettledResidentAsync(BenchTarget center)
    {
        var readings = new List<long>();
        bool Steady() => readings.Count >= 3 && readings[^3..].Max() - readings[^3..].Min() <= readings[^1] / 100;
        try
        {
            await Await.UntilAsync(async () =>
            {
                await Task.Delay(1000);
                readings.Add(center.ResidentBytes);
                return readings.Count;
            }, _ => Steady(), "a steady resident size", TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
        }

        return (readings[^1], Steady());
    }
}
