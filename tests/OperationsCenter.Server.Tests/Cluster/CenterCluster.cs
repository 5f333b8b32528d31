using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
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
    public const string ScrapeKey = "test-cluster-scrape-key-19c2";

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
        var settings = InfluxCenter.Settings(influx, rules.Settings(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "cluster-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["OperationsCenter:Alerts:Storage"] = "Redis",
            ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
            ["OperationsCenter:DataProtectionKeysPath"] = keys,
            ["OperationsCenter:Metrics:ScrapeKeys:test_cluster:Sha256"] = DepartmentKeyResolver.Hash(ScrapeKey),

            // Alerts woken by their reminders within seconds, wherever they re-activate.
            ["OperationsCenter:Alerts:Reminders:Period"] = "00:00:02",

            // A dead node is declared so within seconds, not Orleans' default tens of seconds.
            ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        }));

        var starting = Enumerable.Range(0, count).Select(_ => CenterProcess.StartAsync(settings)).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            await influx.DisposeAsync();
            await redis.DisposeAsync();
            rules.Dispose();
            throw;
        }

        CenterProcess[] nodes = [.. starting.Select(t => t.Result)];
        var nginx = await NginxProcess.StartAsync(nodes.Select(n => n.BaseAddress));
        var cluster = new CenterCluster(redis, influx, rules, keys, nodes, nginx);
        await cluster.AwaitActiveSilosAsync(nodes, count);
        return cluster;
    }

    /// <summary>Waits until each of <paramref name="nodes"/> counts <paramref name="count"/> active silos in <c>/health</c>.</summary>
    public async Task AwaitActiveSilosAsync(IEnumerable<CenterProcess> nodes, int count)
    {
        foreach (var node in nodes)
        {
            using var client = node.CreateClient();
            await Await.UntilAsync(() => ActiveSilosAsync(client), n => n == count,
                $"{count} active silos in /health of the node on port {node.Port}", TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Those of <paramref name="nodes"/> whose <c>/metrics</c> count an open wall connection.</summary>
    public static async Task<IReadOnlyList<CenterProcess>> NodesHoldingAWallAsync(IEnumerable<CenterProcess> nodes)
    {
        var holding = new List<CenterProcess>();
        foreach (var node in nodes)
        {
            using var client = node.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (WallConnections().Match(text) is { Success: true } match && double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0)
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

    private static async Task<int> ActiveSilosAsync(HttpClient client)
    {
        try
        {
            // /health answers 503 with the same body while the node is degraded (say, before it has joined).
            var (_, health) = await Health.ReadWithStatusAsync(client);
            return health.TryGetProperty("cluster", out var cluster) && cluster.TryGetProperty("activeSilos", out var n) ? n.GetInt32() : 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    [GeneratedRegex("""^oc_hub_connections\{[^}]*view="wall"[^}]*\}\s+(\S+)""", RegexOptions.Multiline)]
    private static partial Regex WallConnections();
}
