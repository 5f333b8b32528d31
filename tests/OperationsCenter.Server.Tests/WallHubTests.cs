using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

[Collection(CenterCollection.Name)]
public sealed class WallHubTests(CenterFixture fixture)
{
    private CenterHost Host => fixture.Host;

    [Fact]
    public async Task A_client_gets_a_snapshot_then_sees_points_written_over_http()
    {
        var snapshot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var series = new ConcurrentDictionary<string, JsonElement>();
        var departments = new ConcurrentDictionary<string, JsonElement>();
        await using var connection = await Host.WallConnectionAsync(TestUsers.Operator);
        connection.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        connection.On<JsonElement[]>("seriesUpdated", batch =>
        {
            foreach (var s in batch)
            {
                series[s.GetProperty("key").GetString()!] = s;
            }
        });
        connection.On<JsonElement[]>("departmentsUpdated", batch =>
        {
            foreach (var d in batch)
            {
                departments[d.GetProperty("id").GetString()!] = d;
            }
        });
        await connection.StartAsync();

        var first = await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ids = first.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.All(CenterHost.Departments, id => Assert.Contains(id, ids));

        await Host.WriteLinesAsync("xa-ban-bo", "dossiers,desk=t-hub received=17i,overdue=2i");

        const string key = "dossiers,department=xa-ban-bo,desk=t-hub";
        var pushed = await AwaitAsync(() => series.TryGetValue(key, out var s) ? s : (JsonElement?)null, $"a seriesUpdated push for {key}");
        var fields = pushed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetDouble());
        Assert.Equal(17, fields["received"]);
        Assert.Equal(2, fields["overdue"]);

        var department = await AwaitAsync(
            () => departments.TryGetValue("xa-ban-bo", out var d) && d.GetProperty("pointsReceived").GetInt64() >= 1 ? d : (JsonElement?)null,
            "a departmentsUpdated push for xa-ban-bo with its points");
        Assert.Equal("fresh", department.GetProperty("freshness").GetString());
        Assert.Equal("Bản Bo", department.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_client_that_connects_later_finds_earlier_points_in_its_snapshot_in_the_shape_of_the_pushes()
    {
        await Host.WriteLinesAsync("phuong-tan-phong", "services,desk=t-hub-late online_share_pct=3.25");

        // The read model takes the value from the push, a moment after live state has it.
        var series = await Await.UntilAsync(
            async () => (await SnapshotAsync()).GetProperty("series").EnumerateArray()
                .FirstOrDefault(s => s.GetProperty("key").GetString() == "services,department=phuong-tan-phong,desk=t-hub-late"),
            s => s.ValueKind == JsonValueKind.Object, "the series in a snapshot");

        // A SeriesUpdate: latest values, no windows or point counts (those are the API's).
        Assert.Equal(["department", "fields", "key", "lastTime", "measurement", "tags"], series.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var field = Assert.Single(series.GetProperty("fields").EnumerateArray());
        Assert.Equal(["name", "time", "value"], field.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3.25, field.GetProperty("value").GetDouble());
        Assert.Equal("phuong-tan-phong", series.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Only_series_of_catalog_metrics_reach_the_wall_in_pushes_and_snapshots()
    {
        var pushed = new ConcurrentDictionary<string, JsonElement>();
        await using var wall = await Host.WallConnectionAsync(TestUsers.Operator);
        wall.On<JsonElement[]>("seriesUpdated", batch => Collect(pushed, batch, "key"));
        await wall.StartAsync();

        // One request: a catalog metric's series and a series of a measurement the catalog does not know.
        await Host.WriteLinesAsync("xa-ban-bo", "dossiers,desk=t-hub-only received=5i\nt_hub_other,desk=main value=1");
        const string shown = "dossiers,department=xa-ban-bo,desk=t-hub-only";
        await AwaitAsync(() => pushed.TryGetValue(shown, out var s) ? s : (JsonElement?)null, $"a seriesUpdated push for {shown}");
        await LiveState.AwaitSeriesAsync(Host, "t_hub_other", s => s.GetArrayLength() == 1, "t_hub_other in live state (the API lists every series)");

        var snapshot = await Await.UntilAsync(SnapshotAsync, s => Keys(s).Contains(shown), $"{shown} in a snapshot");
        Assert.DoesNotContain(Keys(snapshot), k => k.StartsWith("t_hub_other,", StringComparison.Ordinal));
        Assert.DoesNotContain(pushed.Keys, k => k.StartsWith("t_hub_other,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_leader_view_snapshot_holds_the_series_of_headline_indicators_only()
    {
        await Host.WriteLinesAsync("so-noi-vu", "dossiers,desk=t-hub-leader overdue=4i\nmonthly_report,desk=t-hub-leader submitted=1i");
        const string headline = "dossiers,department=so-noi-vu,desk=t-hub-leader";
        const string other = "monthly_report,department=so-noi-vu,desk=t-hub-leader";
        await Await.UntilAsync(SnapshotAsync, s => Keys(s).Contains(headline) && Keys(s).Contains(other), "both series in a wall's snapshot");

        var leader = await SnapshotAsync(TestUsers.Leader, "leader");
        Assert.Contains(headline, Keys(leader));
        Assert.DoesNotContain(other, Keys(leader));
        Assert.Contains(leader.GetProperty("departments").EnumerateArray(), d => d.GetProperty("id").GetString() == "so-noi-vu");

        // Its 30 s refresh of the indicators asks the hub for the same, from memory.
        await using var connection = await Host.WallConnectionAsync(TestUsers.Leader, view: "leader");
        await connection.StartAsync();
        var refreshed = await connection.InvokeAsync<JsonElement>("Refresh");
        Assert.Contains(headline, Keys(refreshed));
        Assert.DoesNotContain(other, Keys(refreshed));
    }

    [Fact]
    public async Task Snapshots_make_no_grain_call()
    {
        using var admin = await Host.CreateClientAsync(TestUsers.Admin);
        static string[] Lines(string metrics, string name, string tag) =>
            [.. metrics.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(tag, StringComparison.Ordinal))];
        static double Value(string line) => double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // The seed's calls are counted, so the count works (the load at start, and the re-read every 30 s).
        var seeded = await Await.UntilAsync(() => admin.GetStringAsync("/metrics"), m => Lines(m, "oc_wall_grain_calls_total", "path=\"seed\"").Length == 1,
            "the seed's grain calls in /metrics", TimeSpan.FromSeconds(60));
        Assert.True(Value(Lines(seeded, "oc_wall_grain_calls_total", "path=\"seed\"")[0]) > 0);

        await Host.WriteLinesAsync("xa-ban-bo", "dossiers,desk=t-hub-calls received=1i");
        for (var i = 0; i < 5; i++)
        {
            await SnapshotAsync();
        }

        await SnapshotAsync(TestUsers.Leader, "leader");

        // The exporter caches no scrape, so this one is taken after the snapshots.
        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Empty(Lines(metrics, "oc_wall_grain_calls_total", "path=\"snapshot\""));
    }

    [Fact]
    public async Task The_leader_view_gets_department_pushes_but_no_series_pushes_while_a_leader_on_the_wall_gets_both()
    {
        var leaderViewSeries = new ConcurrentDictionary<string, JsonElement>();
        var leaderViewDepartments = new ConcurrentDictionary<string, JsonElement>();
        var wallSeries = new ConcurrentDictionary<string, JsonElement>();
        await using var leaderView = await Host.WallConnectionAsync(TestUsers.Leader, view: "leader");
        leaderView.On<JsonElement[]>("seriesUpdated", batch => Collect(leaderViewSeries, batch, "key"));
        leaderView.On<JsonElement[]>("departmentsUpdated", batch => Collect(leaderViewDepartments, batch, "id"));
        await using var leaderOnTheWall = await Host.WallConnectionAsync(TestUsers.Leader);
        leaderOnTheWall.On<JsonElement[]>("seriesUpdated", batch => Collect(wallSeries, batch, "key"));
        await leaderView.StartAsync();
        await leaderOnTheWall.StartAsync();

        await Host.WriteLinesAsync("phuong-tan-phong", "dossiers,desk=t-hub-leader received=5i");

        const string key = "dossiers,department=phuong-tan-phong,desk=t-hub-leader";
        await AwaitAsync(() => wallSeries.TryGetValue(key, out var s) ? s : (JsonElement?)null, $"a seriesUpdated push for {key} on the wall");
        await AwaitAsync(() => leaderViewDepartments.TryGetValue("phuong-tan-phong", out var d) ? d : (JsonElement?)null,
            "a departmentsUpdated push for phuong-tan-phong on the leader view");

        // Pushes leave in batches every 250 ms: a second is time enough for one to have gone astray.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(leaderViewSeries);
    }

    private async Task<JsonElement> SnapshotAsync() => await SnapshotAsync(TestUsers.Operator, null);

    /// <summary>The snapshot a page gets on connecting as <paramref name="user"/>.</summary>
    private async Task<JsonElement> SnapshotAsync(TestUser user, string? view)
    {
        var snapshot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = await Host.WallConnectionAsync(user, view);
        connection.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        await connection.StartAsync();
        return await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static HashSet<string> Keys(JsonElement snapshot) =>
        [.. snapshot.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString()!)];

    private static void Collect(ConcurrentDictionary<string, JsonElement> into, JsonElement[] batch, string key)
    {
        foreach (var item in batch)
        {
            into[item.GetProperty(key).GetString()!] = item;
        }
    }

    private static async Task<JsonElement> AwaitAsync(Func<JsonElement?> probe, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after 10 s waiting for {expected}");
    }
}
