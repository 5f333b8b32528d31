using System.Text.Json;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

/// <summary>
/// The wall's snapshot, read from the node's memory, as a wall gets it: after points and alerts arrived, and again after
/// a real restart of the server process (SIGTERM and SIGKILL) on the same InfluxDB and Redis, when the node loads its
/// read model from the grains before any new point.
/// </summary>
public sealed class WallSnapshotRestartTests
{
    private const string Unit = "xa-ban-bo";
    private const string Shown = "services,department=xa-ban-bo,desk=main";

    private const string Rules = """
        rules:
          - name: r-online-low
            kind: threshold
            match: { measurement: services, field: online_share_pct }
            below: 50
            severity: warning
            owner: so-noi-vu
            title: { vi: "Thấp {value}", en: "Low {value}" }
            description: { vi: "d", en: "d" }
          - name: r-cleared
            kind: threshold
            match: { measurement: t_snapshot_other, field: v }
            above: 10
            severity: critical
            owner: so-noi-vu
            title: { vi: "V {value}", en: "V {value}" }
            description: { vi: "v", en: "v" }
        """;

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task A_wall_gets_departments_series_and_open_alerts_in_the_shape_of_the_pushes_before_and_after_a_restart(string signal)
    {
        await using var center = await AlertCenter.StartAsync(Rules);

        // A catalog metric's series that breaks a rule, and a series the catalog does not know whose alert fires then resolves.
        await center.WriteAsync(Unit, "services,desk=main online_share_pct=40\nt_snapshot_other,desk=main v=50");
        await center.AwaitAlertsAsync(list => list.Count(a => AlertCenter.State(a) == "firing") == 2, "both alerts firing");
        await center.WriteAsync(Unit, "t_snapshot_other,desk=main v=1");
        await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Rule(a) == "r-cleared" && AlertCenter.State(a) == "resolved"), "r-cleared resolved");
        var open = (await center.AlertsAsync()).Where(a => AlertCenter.State(a) != "resolved").ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence);

        // Pushes reach the read model within a push interval or two.
        var before = await Await.UntilAsync(center.SnapshotAsync,
            s => Series(s).Any(x => x.GetProperty("key").GetString() == Shown) && Alerts(s).Count == 1, "the series and the open alert in a snapshot");
        AssertWall(before, open);

        // Stored in InfluxDB before the restart, so live state restores the series from it.
        await InfluxCenter.AwaitCountAsync(center.Influx, "services", 1, field: "online_share_pct");
        await center.RestartAsync(signal);

        // Right after /ping answers, before any new point: the same picture, loaded from the grains.
        AssertWall(await center.SnapshotAsync(), open);
    }

    private static void AssertWall(JsonElement snapshot, Dictionary<string, string> open)
    {
        var departments = snapshot.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.All(CenterHost.Departments, id => Assert.Contains(id, departments.Keys));
        Assert.NotEqual(JsonValueKind.Null, departments[Unit].GetProperty("lastSeen").ValueKind);

        // The series as `seriesUpdated` carries it; the other measurement, not a catalog metric, is not on the wall.
        var series = Assert.Single(Series(snapshot));
        Assert.Equal(Shown, series.GetProperty("key").GetString());
        Assert.Equal(["department", "fields", "key", "lastTime", "measurement", "tags"], series.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var field = Assert.Single(series.GetProperty("fields").EnumerateArray());
        Assert.Equal("online_share_pct", field.GetProperty("name").GetString());
        Assert.Equal(40, field.GetProperty("value").GetDouble());

        // Open alerts only, as the API lists them: the resolved one has left the wall.
        Assert.Equal(open, Alerts(snapshot).ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence));
    }

    private static List<JsonElement> Series(JsonElement snapshot) => [.. snapshot.GetProperty("series").EnumerateArray()];

    private static List<JsonElement> Alerts(JsonElement snapshot) => [.. snapshot.GetProperty("alerts").EnumerateArray()];
}
