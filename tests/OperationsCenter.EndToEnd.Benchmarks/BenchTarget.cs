using System.Globalization;
using System.Text.RegularExpressions;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Cluster;
using OperationsCenter.Testing.Nginx;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// What a benchmark sends to: one server process (the default), or a cluster of N server processes on one
/// redis-server behind nginx, as <c>scripts/cluster.sh N</c> runs it. Figures are summed over the nodes.
/// </summary>
internal sealed partial class BenchTarget : IAsyncDisposable
{
    private readonly CenterProcess[] _nodes;
    private readonly NginxProcess? _nginx;
    private readonly RedisProcess? _redis;
    private readonly string? _keys;

    private BenchTarget(CenterProcess[] nodes, NginxProcess? nginx, RedisProcess? redis, string? keys)
    {
        _nodes = nodes;
        _nginx = nginx;
        _redis = redis;
        _keys = keys;
    }

    /// <summary>Where clients send: the one process, or nginx.</summary>
    public Uri BaseAddress => _nginx?.BaseAddress ?? _nodes[0].BaseAddress;

    /// <summary>The server processes.</summary>
    public IReadOnlyList<CenterProcess> Nodes => _nodes;

    /// <summary>CPU time of every node together.</summary>
    public TimeSpan CpuTime => _nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime);

    /// <summary>
    /// One process when <paramref name="nodes"/> is 0; else a cluster of that many nodes (1 included: the cluster's
    /// own cost without a second node).
    /// </summary>
    public static async Task<BenchTarget> StartAsync(int nodes, Dictionary<string, string?> settings)
    {
        if (nodes == 0)
        {
            return new BenchTarget([await CenterProcess.StartAsync(settings)], null, null, null);
        }

        var redis = await RedisProcess.StartAsync();
        var keys = Path.Combine(Path.GetTempPath(), "oc-bench-keys-" + Guid.NewGuid().ToString("N")[..12]);
        var members = await ClusterNodes.StartAsync(nodes, ClusterNodes.Settings(redis, keys, settings));
        var nginx = await NginxProcess.StartAsync(members.Select(n => n.BaseAddress));
        return new BenchTarget(members, nginx, redis, keys);
    }

    /// <summary>Resident memory of every node together (<c>VmRSS</c>), in bytes.</summary>
    public long ResidentBytes => _nodes.Sum(node => ProcFiles.ResidentBytes(node.ProcessId));

    /// <summary>How a figure names its target: <c>one process</c> or <c>N cluster node(s) behind nginx</c>.</summary>
    public static string Describe(int nodes) => nodes == 0 ? "one process" : $"{nodes} cluster node(s) behind nginx";

    /// <summary>Waits until InfluxDB has confirmed <paramref name="total"/> points and no spool holds any more.</summary>
    public Task AwaitShippedAsync(long total) =>
        Await.UntilAsync(ShippedAsync, s => s.Shipped >= total && s.Backlog == 0, $"{total:N0} points shipped to InfluxDB, spools empty", TimeSpan.FromMinutes(30));

    /// <summary>Points shipped to InfluxDB and still in a spool, over every node.</summary>
    public async Task<(long Shipped, long Backlog)> ShippedAsync()
    {
        long shipped = 0, backlog = 0;
        foreach (var node in _nodes)
        {
            using var client = node.CreateClient();
            // Read whatever the status: a node under this load may say it is degraded (503) with the same body.
            var health = await Health.ReadAsync(client);
            shipped += health.GetProperty("influx").GetProperty("pointsShipped").GetInt64();
            backlog += health.GetProperty("spool").GetProperty("backlogPoints").GetInt64();
        }

        return (shipped, backlog);
    }

    /// <summary>Orleans messages sent from one node to another so far, over every node (0 for one process).</summary>
    public async Task<double> RemoteMessagesAsync()
    {
        if (_nginx is null)
        {
            return 0;
        }

        double sum = 0;
        foreach (var node in _nodes)
        {
            foreach (Match match in SentMessages().Matches(await ClusterNodes.MetricsAsync(node)))
            {
                sum += double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_keys is not null && Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    // The histogram of sizes of messages sent over the network: its count is the number of messages.
    [GeneratedRegex("""^orleans_messaging_sent_messages_size(?:_bytes)?_count(?:\{[^}]*\})?\s+(\S+)""", RegexOptions.Multiline)]
    private static partial Regex SentMessages();
}
