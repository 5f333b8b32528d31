using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Cluster;

namespace OperationsCenter.Server.Tests.Cluster;

/// <summary>
/// Three nodes behind nginx, as <c>scripts/cluster.sh 3</c> runs them: every wall sees every point, and a node killed with
/// SIGKILL under four writers loses no acknowledged point, no alert and no acknowledgement; its walls come back on a
/// survivor, escalations and deadman timers go on, and it joins again under load without duplicating anything.
/// </summary>
public sealed class ClusterNodeLossTests
{
    private const string Rules = """
        rules:
          - name: r-cluster
            kind: threshold
            match: { measurement: t_cluster_alert, field: v }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "C {value}", en: "C {value}" }
            description: { vi: "c", en: "c" }
          - name: r-cluster-escalating
            kind: threshold
            match: { measurement: t_cluster_alert, field: e }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "E {value}", en: "E {value}" }
            description: { vi: "e", en: "e" }
            escalate_after: 1s
            repeat_interval: 2s
          - name: r-cluster-silent
            kind: deadman
            match: { measurement: t_cluster_quiet, tags: { department: phuong-tan-phong } }
            scope: department
            silence: 20s
            severity: warning
            owner: so-noi-vu
            title: { vi: "Q", en: "Q" }
            description: { vi: "q", en: "q" }
        """;

    private const string Silent = "r-cluster-silent";

    private const int LinesPerBody = 100;

    [Fact]
    public async Task A_node_killed_under_load_loses_no_acknowledged_point_alert_or_wall_and_joins_again()
    {
        await using var cluster = await CenterCluster.StartAsync(3, Rules);

        // Every wall sees every point: one wall on each node, one point through nginx (it lands on any node).
        var direct = new List<(HubConnection Wall, ConcurrentDictionary<string, JsonElement> Series)>();
        foreach (var node in cluster.Nodes)
        {
            var series = new ConcurrentDictionary<string, JsonElement>();
            var wall = await node.WallConnectionAsync(TestUsers.Operator);
            wall.On<JsonElement[]>("seriesUpdated", batch => Keep(series, batch));
            await wall.StartAsync();
            direct.Add((wall, series));
        }

        using (var ingest = cluster.Nginx.CreateClient())
        {
            await IngestClient.WriteLinesAsync(ingest, "xa-ban-bo", "services,desk=t-cluster online_share_pct=41.5");
        }

        foreach (var (wall, series) in direct)
        {
            await Await.UntilAsync(() => Task.FromResult(series.ContainsKey("services,department=xa-ban-bo,desk=t-cluster")), seen => seen,
                "the point written through nginx on the wall of every node", TimeSpan.FromSeconds(20));
            await wall.DisposeAsync();
        }

        // Two alerts, one acknowledged with a note.
        using (var ingest = cluster.Nginx.CreateClient())
        {
            await IngestClient.WriteLinesAsync(ingest, "xa-ban-bo", "t_cluster_alert,link=a v=50\nt_cluster_alert,link=b v=60\nt_cluster_alert,link=c e=70");
        }

        var open = await Await.UntilAsync(cluster.AlertsAsync, list => list.Count(a => AlertCenter.State(a) == "firing") == 3, "three firing alerts");
        var acked = open.First(a => AlertCenter.Rule(a) == "r-cluster");
        using (var operatorClient = await SignIn.ClientAsync(cluster.Nginx.BaseAddress, TestUsers.Operator))
        using (var ack = await operatorClient.PostAsJsonAsync($"/api/v1/alerts/{AlertCenter.Fingerprint(acked)}/ack", new { note = "đã cử người" }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var before = Essences(await Await.UntilAsync(cluster.AlertsAsync,
            list => list.Any(a => AlertCenter.State(a) == "acknowledged")
                && list.Any(a => AlertCenter.Rule(a) == "r-cluster-escalating" && a.GetProperty("leadersNotifiedAt").ValueKind == JsonValueKind.String),
            "the acknowledgement listed and the escalating alert escalated"));

        // A wall through nginx, as a browser would connect; the node holding it is the one to kill.
        var snapshots = new ConcurrentQueue<JsonElement>();
        await using var wallThroughNginx = await SignIn.WallAsync(cluster.Nginx.BaseAddress, TestUsers.Operator, reconnect: true);
        wallThroughNginx.On<JsonElement>("snapshot", s => snapshots.Enqueue(s));
        var events = new ConcurrentQueue<string>();
        wallThroughNginx.Reconnecting += ex => { events.Enqueue($"reconnecting: {ex?.Message}"); return Task.CompletedTask; };
        wallThroughNginx.Reconnected += id => { events.Enqueue("reconnected"); return Task.CompletedTask; };
        wallThroughNginx.Closed += ex => { events.Enqueue($"closed: {ex?.Message}"); return Task.CompletedTask; };
        await wallThroughNginx.StartAsync();
        await Await.UntilAsync(() => Task.FromResult(snapshots.Count), n => n == 1, "the first snapshot through nginx");
        var victims = await Await.UntilAsync(() => CenterCluster.NodesHoldingAWallAsync(cluster.Nodes), nodes => nodes.Count == 1, "one node counting the wall's connection in /metrics");
        var victim = victims[0];

        // Four writers through nginx, each retrying a body until it is answered 204, as a department's agent would.
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var writers = Enumerable.Range(0, 4).Select(w => WriteUntilStoppedAsync(cluster, w, acknowledged, stop.Token)).ToArray();
        await Await.UntilAsync(() => Task.FromResult(acknowledged.Values.Sum()), n => n >= 4 * 5 * LinesPerBody, "writers under way");

        // A unit that goes quiet just before the node dies: its department's deadman must go on wherever its grain lives.
        using (var ingest = cluster.Nginx.CreateClient())
        {
            await IngestClient.WriteLinesAsync(ingest, "phuong-tan-phong", "t_cluster_quiet,desk=a v=1");
        }

        await victim.StopAsync("KILL");
        var survivors = cluster.Nodes.Where(n => n != victim).ToArray();
        await ClusterNodes.AwaitActiveSilosAsync(survivors, 2);

        // Escalations go on: leaders on a survivor keep hearing of the unacknowledged alert, wherever its grain now lives.
        var notices = new ConcurrentQueue<string>();
        await using var leader = await SignIn.WallAsync(survivors[0].BaseAddress, TestUsers.Leader, "leader");
        leader.On<JsonElement>("leaderNotice", n => notices.Enqueue(n.GetProperty("kind").GetString()!));
        await leader.StartAsync();
        await Await.UntilAsync(() => Task.FromResult(notices.Count(k => k == "repeat")), n => n >= 1,
            "a repeat notice of the escalating alert after the node's death", TimeSpan.FromSeconds(30));
        await Await.UntilAsync(cluster.AlertsAsync, list => list.Any(a => AlertCenter.Rule(a) == Silent && AlertCenter.State(a) == "firing"),
            "the quiet unit's deadman alert firing after the node's death, 20 s after its last point", TimeSpan.FromSeconds(60));
        var atDeath = acknowledged.Values.Sum();
        await Await.UntilAsync(() => Task.FromResult(acknowledged.Values.Sum()), n => n >= atDeath + 4 * 5 * LinesPerBody,
            "writers acknowledged by the survivors after the node's death");

        // The wall came back on a survivor with a complete snapshot: the same alerts, acknowledgement and note, and the series.
        await Await.UntilAsync(() => Task.FromResult(snapshots.Count > 1 ? "snapshot" : $"connection {wallThroughNginx.State}; {string.Join("; ", events)}"),
            seen => seen == "snapshot", "a second snapshot after the wall reconnected through nginx", TimeSpan.FromSeconds(60));
        var again = snapshots.Last();
        Assert.Equal(before, Essences(again.GetProperty("alerts").EnumerateArray()));
        Assert.Contains(again.GetProperty("series").EnumerateArray(), s => s.GetProperty("key").GetString() == "services,department=xa-ban-bo,desk=t-cluster");
        Assert.Single(await CenterCluster.NodesHoldingAWallAsync(survivors));

        // The API through nginx lists them unchanged.
        Assert.Equal(before, Essences(await cluster.AlertsAsync()));

        // The node joins again on its data folder, under load; its spool drains: every point answered 204 by any node is stored.
        await victim.StartAgainAsync();
        await ClusterNodes.AwaitActiveSilosAsync(cluster.Nodes, 3);
        var atJoin = acknowledged.Values.Sum();
        await Await.UntilAsync(() => Task.FromResult(acknowledged.Values.Sum()), n => n >= atJoin + 4 * 5 * LinesPerBody,
            "writers acknowledged after the node joined again");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Nothing duplicated by the join: each alert once, as before.
        Assert.Equal(before, Essences(await cluster.AlertsAsync()));
        foreach (var (writer, count) in acknowledged)
        {
            await InfluxCenter.AwaitCountAsync(cluster.Influx, "t_cluster_load", count, TimeSpan.FromSeconds(60), field: writer);
        }

        // Clearing values resolve both alerts, wherever their grains now live.
        using (var ingest = cluster.Nginx.CreateClient())
        {
            await IngestClient.WriteLinesAsync(ingest, "xa-ban-bo", "t_cluster_alert,link=a v=1\nt_cluster_alert,link=b v=1\nt_cluster_alert,link=c e=1");
            await IngestClient.WriteLinesAsync(ingest, "phuong-tan-phong", "t_cluster_quiet,desk=a v=2");
        }

        await Await.UntilAsync(cluster.AlertsAsync, list => before.Keys.All(f => list.Any(a => AlertCenter.Fingerprint(a) == f && AlertCenter.State(a) == "resolved"))
                && list.Where(a => AlertCenter.Rule(a) == Silent).All(a => AlertCenter.State(a) == "resolved"),
            "every alert resolved by the clearing values", TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Writes bodies of <see cref="LinesPerBody"/> points with their own timestamps (a retried body stores the same points
    /// again, which InfluxDB keeps once), each field named after the writer, counting what was answered 204.
    /// </summary>
    private static async Task WriteUntilStoppedAsync(CenterCluster cluster, int writer, ConcurrentDictionary<string, int> acknowledged, CancellationToken stop)
    {
        var field = $"w{writer}";
        // Two departments only: the third (phuong-tan-phong) goes quiet for its deadman (a department's silence is judged
        // against any point of it).
        var department = writer % 2 == 0 ? "so-noi-vu" : "xa-ban-bo";
        using var client = cluster.Nginx.CreateClient();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        for (var body = 0; !stop.IsCancellationRequested; body++)
        {
            var lines = new StringBuilder();
            for (var i = 0; i < LinesPerBody; i++)
            {
                var n = body * LinesPerBody + i;
                lines.Append($"t_cluster_load,writer={field} {field}={n} {(start + n) * 1_000_000}\n");
            }

            while (true)
            {
                try
                {
                    using var response = await IngestClient.PostLinesAsync(client, department, lines.ToString());
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        acknowledged.AddOrUpdate(field, LinesPerBody, (_, c) => c + LinesPerBody);
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // The node died with the request: send it again.
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>What a person compares of each alert, the deadman's own (it fires during the test) left out.</summary>
    private static Dictionary<string, string> Essences(IEnumerable<JsonElement> alerts) =>
        alerts.Where(a => AlertCenter.Rule(a) != Silent).ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence);

    private static void Keep(ConcurrentDictionary<string, JsonElement> series, JsonElement[] batch)
    {
        foreach (var s in batch)
        {
            series[s.GetProperty("key").GetString()!] = s;
        }
    }
}
