using OperationsCenter.Server.Security;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Testing.Cluster;

/// <summary>
/// Server processes forming one Orleans cluster on one redis-server (membership, reminders, alert state) with shared
/// data-protection keys, as <c>scripts/cluster.sh</c> runs them; each node has its own HTTP, silo and gateway ports and
/// its own data folder.
/// </summary>
public static class ClusterNodes
{
    /// <summary>The <c>/metrics</c> scrape key every node takes.</summary>
    public const string ScrapeKey = "test-cluster-scrape-key-19c2";

    /// <summary>Settings that make a node a member of the cluster on <paramref name="redis"/>, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> Settings(RedisProcess redis, string keysFolder, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "cluster-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["OperationsCenter:Alerts:Storage"] = "Redis",
            ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
            ["OperationsCenter:DataProtectionKeysPath"] = keysFolder,
            ["OperationsCenter:Metrics:ScrapeKeys:test_cluster:Sha256"] = DepartmentKeyResolver.Hash(ScrapeKey),

            // A dead node is declared so within seconds, not Orleans' default tens of seconds.
            ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts <paramref name="count"/> nodes at once and waits until each sees them all; kills those that started if one did not.</summary>
    public static async Task<CenterProcess[]> StartAsync(int count, IDictionary<string, string?> settings)
    {
        var starting = Enumerable.Range(0, count).Select(_ => CenterProcess.StartAsync(settings)).ToArray();
        try
        {
            await Task.WhenAll(starting);
            CenterProcess[] nodes = [.. starting.Select(t => t.Result)];
            await AwaitActiveSilosAsync(nodes, count);
            return nodes;
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Waits until each of <paramref name="nodes"/> counts <paramref name="count"/> active silos in <c>/health</c>.</summary>
    public static async Task AwaitActiveSilosAsync(IEnumerable<CenterProcess> nodes, int count)
    {
        foreach (var node in nodes)
        {
            using var client = node.CreateClient();
            await Await.UntilAsync(() => ActiveSilosAsync(client), n => n == count,
                $"{count} active silos in /health of the node on port {node.Port}", TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>The node's <c>/metrics</c> text, read with the scrape key.</summary>
    public static async Task<string> MetricsAsync(CenterProcess node)
    {
        using var client = node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeKey);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
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
}
