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

        await Host.WriteLinesAsync("xa-ban-bo", "t_hub,desk=main received=17i,overdue=2i");

        const string key = "t_hub,department=xa-ban-bo,desk=main";
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
    public async Task A_client_that_connects_later_finds_earlier_points_in_its_snapshot()
    {
        await Host.WriteLinesAsync("phuong-tan-phong", "t_hub_late,desk=main value=3.25");
        await LiveState.AwaitSeriesAsync(Host, "t_hub_late", s => LiveState.Field(s, "value") == 3.25, "value=3.25 in live state");

        var snapshot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = await Host.WallConnectionAsync(TestUsers.Operator);
        connection.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        await connection.StartAsync();

        var series = (await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("series").EnumerateArray()
            .Single(s => s.GetProperty("measurement").GetString() == "t_hub_late");
        Assert.Equal(3.25, series.GetProperty("fields")[0].GetProperty("value").GetDouble());
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

        await Host.WriteLinesAsync("phuong-tan-phong", "t_hub_leader,desk=main received=5i");

        const string key = "t_hub_leader,department=phuong-tan-phong,desk=main";
        await AwaitAsync(() => wallSeries.TryGetValue(key, out var s) ? s : (JsonElement?)null, $"a seriesUpdated push for {key} on the wall");
        await AwaitAsync(() => leaderViewDepartments.TryGetValue("phuong-tan-phong", out var d) ? d : (JsonElement?)null,
            "a departmentsUpdated push for phuong-tan-phong on the leader view");

        // Pushes leave in batches every 250 ms: a second is time enough for one to have gone astray.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(leaderViewSeries);
    }

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
