using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Cluster;
using OperationsCenter.Testing.Influx;
using OperationsCenter.Testing.Nginx;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Server.Tests.Cluster;

/// <summary>
/// N real server processes forming one Orleans cluster on one redis-server (membership, reminders, alert state), one
/// influxd, one rules folder, shared data-protection keys, and nginx in front as <c>scripts/cluster.sh</c> sets it up.
/// Each node has its own HTTP, silo and gateway ports and its own data folder (spool).
/// </summary>
internal sealed partial class CenterCluster : IAsyncDisposable
{
    private readonly string _keys;

    private CenterCluster(RedisProcess redis, InfluxProcess influx, RulesFolder rules, string keys, CenterProcess[] nodes, NginxProcess nginx)
    {
        Redis = redis;
        Influx = influx;
        Rules = rules;
        _keys = keys;
        Nodes = nodes;
        Nginx = nginx;
    }

    public RedisProcess Redis { get; }

    public InfluxProcess Influx { get; }

    public RulesFolder Rules { get; }

    public IReadOnlyList<CenterProcess> Nodes { get; }

    public NginxProcess Nginx { get; }

    /// <summary>Starts the parts, then <paramref name="count"/> nodes at once, then nginx; waits until every node sees them all.</summary>
    public static async Task<CenterCluster> StartAsync(int count, string rulesYaml)
    {
        var redis = await RedisProcess.StartAsync();
        var influx = await InfluxProcess.StartAsync();
        var rules = await RulesFolder.CreateAsync("rules.yaml", rulesYaml);
        var keys = Path.Combine(Path.GetTempPath(), "oc-cluster-keys-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = InfluxCenter.Settings(influx, rules.Settings(ClusterNodes.Settings(redis, keys, new Dictionary<string, string?>
        {
            // Alerts woken by their reminders within seconds, wherever they re-activate.
            ["OperationsCenter:Alerts:Reminders:Period"] = "00:00:02",
        })));

        CenterProcess[] nodes;
        try
        {
            nodes = await ClusterNodes.StartAsync(count, settings);
        }
        catch
        {
            await influx.DisposeAsync();
            await redis.DisposeAsync();
            rules.Dispose();
            throw;
        }

        var nginx = await NginxProcess.StartAsync(nodes.Select(n => n.BaseAddress));
        return new CenterCluster(redis, influx, rules, keys, nodes, nginx);
    }

    /// <summary>Those of <paramref name="nodes"/> whose <c>/metrics</c> count an open wall connection.</summary>
    public static async Task<IReadOnlyList<CenterProcess>> NodesHoldingAWallAsync(IEnumerable<CenterProcess> nodes)
    {
        var holding = new List<CenterProcess>();
        foreach (var node in nodes)
        {
            if (WallConnections().Match(await ClusterNodes.MetricsAsync(node)) is { Success: true } match
                && double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0)
            {
                holding.Add(node);
            }
        }

        return holding;
    }

    /// <summary><c>GET /api/v1/alerts</c> through nginx, as an operator; empty while no node can answer.</summary>
    public async Task<JsonElement[]> AlertsAsync()
    {
        try
        {
            using var client = await SignIn.ClientAsync(Nginx.BaseAddress, TestUsers.Operator);
            using var response = await client.GetAsync("/api/v1/alerts");
            return response.IsSuccessStatusCode ? [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()] : [];
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Influx.DisposeAsync();
        await Redis.DisposeAsync();
        Rules.Dispose();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [GeneratedRegex("""^oc_hub_connections\{[^}]*view="wall"[^}]*\}\s+(\S+)""", RegexOptions.Multiline)]
    private static partial Regex WallConnections();
}
