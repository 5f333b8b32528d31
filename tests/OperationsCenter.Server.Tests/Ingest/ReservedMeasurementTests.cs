using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// <c>audit</c> and <c>alert_history</c> hold the center's own records: a department key cannot write them (a forged
/// row would show as a real admin action or acknowledgement), and the history API does not serve them.
/// </summary>
[Collection(CenterCollection.Name)]
public sealed class ReservedMeasurementTests(CenterFixture fixture)
{
    private const string Department = "so-noi-vu";
    private const string Forged = "audit,action=rule.delete actor=\"admin.chi\",target=\"rules/flood.yaml\",detail=\"\"\n" +
                                  "alert_history,owner=so-noi-vu,fingerprint=f1,rule=flood,severity=critical,state=acknowledged actor=\"leader.binh\",note=\"ok\"\n";

    private CenterHost Host => fixture.Host;

    [Theory]
    [InlineData("/write?db=ioc", "error", "t_reserved_v1")]
    [InlineData("/api/v2/write?org=o&bucket=ioc", "message", "t_reserved_v2")]
    public async Task A_line_of_a_reserved_measurement_is_refused_naming_it_and_the_other_lines_are_kept(string url, string property, string measurement)
    {
        var body = $"{measurement},desk=a v=1\n{Forged}{measurement},desk=b v=2\n";
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines(url, body, Host.KeyFor(Department)));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty(property).GetString();
        Assert.Contains("2 accepted, 2 rejected", error);
        Assert.Contains("line 2: measurement \"audit\" is reserved for the center's own records (audit, alert_history)", error);
        Assert.Contains("line 3: measurement \"alert_history\" is reserved for the center's own records", error);
        await AwaitKeptWithoutForgeriesAsync(measurement, "a", "b");
    }

    [Fact]
    public async Task A_feed_point_of_a_reserved_measurement_is_refused_by_index_and_the_other_points_are_kept()
    {
        const string body = """
            {"points": [
              {"measurement": "t_reserved_feed", "tags": {"desk": "a"}, "fields": {"v": 1}},
              {"measurement": "audit", "tags": {"action": "silence.create"}, "fields": {"actor": "admin.chi", "target": "all", "detail": ""}},
              {"measurement": "alert_history", "tags": {"owner": "so-noi-vu", "state": "acknowledged"}, "fields": {"actor": "leader.binh"}},
              {"measurement": "t_reserved_feed", "tags": {"desk": "b"}, "fields": {"v": 2}}
            ]}
            """;
        using var client = Host.CreateClient();
        using var request = Send.Lines("/api/v1/feeds", body, Host.KeyFor(Department));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, root.GetProperty("accepted").GetInt32());
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([1, 2], errors.Select(e => e.GetProperty("index").GetInt32()));
        Assert.Contains("measurement \"audit\" is reserved for the center's own records", errors[0].GetProperty("message").GetString());
        Assert.Contains("measurement \"alert_history\" is reserved", errors[1].GetProperty("message").GetString());
        await AwaitKeptWithoutForgeriesAsync("t_reserved_feed", "a", "b");
    }

    [Theory]
    [InlineData("audit", "/api/v1/audit")]
    [InlineData("alert_history", "/api/v1/alerts/history")]
    public async Task History_refuses_the_centers_own_records_and_points_to_their_api(string measurement, string api)
    {
        using var client = await Host.CreateClientAsync(TestUsers.Operator);
        using var response = await client.GetAsync($"/api/v1/series/history?measurement={measurement}&field=actor");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains($"measurement \"{measurement}\" holds the center's own records", error);
        Assert.Contains($"use {api}", error);
    }

    /// <summary>
    /// Waits for the kept lines; live state takes a request's lines in order, so once they show, a forged line the
    /// center had taken would show too.
    /// </summary>
    private async Task AwaitKeptWithoutForgeriesAsync(string measurement, params string[] desks)
    {
        var series = await LiveState.AwaitSeriesAsync(Host, measurement, s => s.GetArrayLength() == desks.Length, string.Join(" and ", desks) + " kept");
        Assert.Equal(desks, series.EnumerateArray().Select(s => s.GetProperty("tags").GetProperty("desk").GetString()).Order());
        foreach (var reserved in new[] { "audit", "alert_history" })
        {
            var forged = await LiveState.SeriesAsync(Host, reserved, Department);
            Assert.True(forged.GetArrayLength() == 0, $"no {reserved} series from a department's key, got {forged}");
        }
    }
}
