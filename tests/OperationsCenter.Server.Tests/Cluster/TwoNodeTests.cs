using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Server.Tests.Cluster;

/// <summary>
/// Two real server processes forming one Orleans cluster on Redis (<c>Orleans:Clustering:ProviderType</c> = <c>Redis</c>,
/// the connection string taken from the alert Redis), with one redis-server and one influxd, as
/// <c>scripts/cluster.sh</c> runs them (without nginx).
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_point_written_to_one_node_reaches_a_wall_connected_to_the_other()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var influx = await InfluxProcess.StartAsync();
        var settings = InfluxCenter.Settings(influx, new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "cluster-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["OperationsCenter:Alerts:Storage"] = "Redis",
            ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
        });

        // Each node gets its own HTTP, silo and gateway ports and its own data folder (CenterProcess chooses them).
        var starting = new[] { CenterProcess.StartAsync(settings), CenterProcess.StartAsync(settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // Kill whichever node did start before reporting the one that did not.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }

        await using var node1 = await starting[0];
        await using var node2 = await starting[1];

        // Both nodes see both silos before anything is written: one cluster, not two single silos on one Redis.
        foreach (var node in new[] { node1, node2 })
        {
            using var client = node.CreateClient();
            await Await.UntilAsync(
                () => ActiveSilosAsync(client),
                n => n == 2,
                $"two active silos in /health of node on port {node.Port}",
                TimeSpan.FromSeconds(20));
        }

        var snapshot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var series = new ConcurrentDictionary<string, JsonElement>();
        await using var wall = await node2.WallConnectionAsync(TestUsers.Operator);
        wall.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        wall.On<JsonElement[]>("seriesUpdated", batch =>
        {
            foreach (var s in batch)
            {
                series[s.GetProperty("key").GetString()!] = s;
            }
        });
        await wall.StartAsync();
        await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(15));

        using (var ingest = node1.CreateClient())
        {
            await IngestClient.WriteLinesAsync(ingest, "xa-ban-bo", "t_cluster,desk=main value=41.5");
        }

        const string key = "t_cluster,department=xa-ban-bo,desk=main";
        var pushed = await Await.UntilAsync(
            () => Task.FromResult(series.TryGetValue(key, out var s) ? s : (JsonElement?)null),
            s => s is not null,
            $"a seriesUpdated push for {key} on node 2's wall",
            TimeSpan.FromSeconds(15));
        var value = pushed!.Value.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "value");
        Assert.Equal(41.5, value.GetProperty("value").GetDouble());
    }

    private static async Task<int> ActiveSilosAsync(HttpClient client)
    {
        // /health answers 503 with the same body while the node is degraded (say, before it has joined).
        var (_, health) = await Health.ReadWithStatusAsync(client);
        return health.TryGetProperty("cluster", out var cluster) && cluster.TryGetProperty("activeSilos", out var n) ? n.GetInt32() : 0;
    }
}
