using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>InfluxDB going away and coming back, the spool filling up, the server killed: nothing acknowledged is lost.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task Influxdb_stopped_mid_stream_then_started_again_receives_every_point()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(InfluxCenter.Settings(influx));
        using var client = host.CreateClient();

        var sent = 0;
        for (var batch = 0; batch < 30; batch++)
        {
            if (batch == 10)
            {
                await InfluxCenter.AwaitCountAsync(influx, "outage", sent);
                await influx.StopAsync();
            }

            await IngestClient.WriteLinesAsync(client, "so-noi-vu", Lines("outage", batch * 100, 100));
            sent += 100;
        }

        // The drainer notices the outage on its next attempt to ship, a moment after the writes.
        await AwaitAsync(async () =>
        {
            var health = await Health.ReadAsync(client);
            return !health.GetProperty("influx").GetProperty("reachable").GetBoolean() && health.GetProperty("spool").GetProperty("backlogPoints").GetInt64() > 0;
        }, "/health to say InfluxDB is down and show a backlog");

        await influx.StartAgainAsync();
        await InfluxCenter.AwaitCountAsync(influx, "outage", sent);
        await AwaitAsync(async () => (await Health.ReadAsync(client)).GetProperty("spool").GetProperty("backlogPoints").GetInt64() == 0,
            "the backlog to drain to 0");
    }

    [Fact]
    public async Task A_full_spool_answers_503_with_retry_after_and_takes_writes_again_once_influxdb_catches_up()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(InfluxCenter.Settings(influx, new Dictionary<string, string?>
        {
            ["OperationsCenter:Spool:MaxBytes"] = "65536",
        }));
        using var client = host.CreateClient();
        await influx.StopAsync();

        HttpResponseMessage? refused = null;
        var accepted = 0;
        for (var batch = 0; batch < 100 && refused is null; batch++)
        {
            var response = await IngestClient.PostLinesAsync(client, "xa-ban-bo", Lines("limit", batch * 100, 100));
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                accepted += 100;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 must carry Retry-After");
            Assert.Contains("send it again", await refused.Content.ReadAsStringAsync());
        }

        await influx.StartAgainAsync();
        await InfluxCenter.AwaitCountAsync(influx, "limit", accepted);

        // InfluxDB shows the points a moment before the drainer's checkpoint frees the spool: wait for that, as a
        // client honouring Retry-After would.
        await AwaitAsync(async () => (await Health.ReadAsync(client)).GetProperty("spool").GetProperty("backlogPoints").GetInt64() == 0,
            "the spool to be drained");
        await IngestClient.WriteLinesAsync(client, "xa-ban-bo", Lines("limit", 1_000_000, 100));
        await InfluxCenter.AwaitCountAsync(influx, "limit", accepted + 100);
    }

    [Fact]
    public async Task Every_acknowledged_point_survives_a_sigkill_of_the_server()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var center = await CenterProcess.StartAsync(InfluxCenter.Settings(influx));
        using var client = center.CreateClient();

        // Several writers at once so the kill lands among in-flight requests and unshipped spool records.
        var acknowledged = 0;
        var next = 0;
        var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref next, 200) - 200;
                try
                {
                    using var response = await IngestClient.PostLinesAsync(client, "phuong-tan-phong", Lines("crash", first, 200));
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        Interlocked.Add(ref acknowledged, 200);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone: this request was never acknowledged
                }
            }
        }).ToList();

        await AwaitAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= 4000), "4000 acknowledged points before the kill");
        await center.KillAsync();
        stop.Cancel();
        await Task.WhenAll(writers);
        var acked = Volatile.Read(ref acknowledged);

        await center.StartAgainAsync();
        var stored = 0L;
        await AwaitAsync(async () => (stored = await Count(influx, "crash")) >= acked, $"at least the {acked} acknowledged points in InfluxDB");
        Assert.True(stored <= next, $"more points stored ({stored}) than ever sent ({next})");
    }

    private static async Task<long> Count(InfluxProcess influx, string measurement)
    {
        try
        {
            return await influx.CountAsync(InfluxCenter.Database, measurement, "value");
        }
        catch (Exception)
        {
            return 0;
        }
    }

    /// <summary>Lines with distinct timestamps, so InfluxDB counts each point once.</summary>
    private static string Lines(string measurement, int first, int count)
    {
        var body = new StringBuilder(count * 48);
        for (var i = first; i < first + count; i++)
        {
            body.Append(measurement).Append(",desk=main value=").Append(i).Append("i ").Append(1_764_000_000_000_000_000L + i).Append('\n');
        }

        return body.ToString();
    }

    private static async Task AwaitAsync(Func<Task<bool>> done, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after 60 s waiting for {expected}");
    }
}
