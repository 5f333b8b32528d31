using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>Field types outlive the process: after a restart they come from InfluxDB, so a JSON integer still feeds an integer field.</summary>
public sealed class FieldTypesRestartTests
{
    [Fact]
    public async Task After_a_sigkill_a_json_integer_still_feeds_a_field_influxdb_holds_as_integer()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var center = await CenterProcess.StartAsync(InfluxCenter.Settings(influx));
        using (var client = center.CreateClient())
        {
            await IngestClient.WriteLinesAsync(client, "so-noi-vu", "t_types,desk=a received=5i 1764558000000000000");
        }

        await InfluxCenter.AwaitCountAsync(influx, "t_types", 1, field: "received");
        await center.KillAsync();
        await center.StartAgainAsync();

        // The center reads InfluxDB's field types before it answers its first request: the first JSON 7 is an integer.
        Assert.Equal(HttpStatusCode.NoContent, await FeedAsync(center));
        await InfluxCenter.AwaitCountAsync(influx, "t_types", 2, field: "received");
        var keys = await influx.Query(InfluxCenter.Database).QueryAsync("SHOW FIELD KEYS FROM t_types", CancellationToken.None);
        Assert.Equal(["integer"], keys[0].Values.Where(row => row[0].GetString() == "received").Select(row => row[1].GetString()));
    }

    private static async Task<HttpStatusCode> FeedAsync(CenterProcess center)
    {
        using var client = center.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds")
        {
            Content = new StringContent("""[{"measurement": "t_types", "tags": {"desk": "a"}, "fields": {"received": 7}, "time": "2026-12-01T10:00:00+07:00"}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", TestDepartments.KeyFor("so-noi-vu"));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
