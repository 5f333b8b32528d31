using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;

namespace OperationsCenter.Server.Hosting;

/// <summary>
/// Membership as configured in <c>Orleans:Clustering</c>. Orleans itself reads <c>ProviderType</c> (default here:
/// <c>Development</c>, one silo), <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>; with <c>ProviderType</c> =
/// <c>Redis</c> (<c>Microsoft.Orleans.Clustering.Redis</c>) the silos of one cluster find each other in Redis.
/// </summary>
/// <remarks>
/// <c>Orleans:Clustering:ConnectionString</c> names that Redis; when it is not set, the alert Redis
/// (<c>OperationsCenter:Alerts:Redis</c>, default <c>127.0.0.1:6379</c>) is used, so one Redis serves membership,
/// reminders and alert state.
/// </remarks>
internal static class ClusteringConfiguration
{
    /// <summary>True when this node is one of a cluster (<c>Orleans:Clustering:ProviderType</c> = <c>Redis</c>).</summary>
    public static bool IsCluster(IConfiguration configuration) =>
        string.Equals(configuration["Orleans:Clustering:ProviderType"], "Redis", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Binds <c>Orleans:Membership</c> and fills in the Redis membership connection when the provider is Redis and no
    /// connection string is given.
    /// </summary>
    public static ISiloBuilder AddClusteringDefaults(this ISiloBuilder silo, IConfiguration configuration)
    {
        // How fast a dead node is noticed (ProbeTimeout, NumMissedProbesLimit, ...): Orleans' defaults unless set.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        var clustering = configuration.GetSection("Orleans:Clustering");
        if (!IsCluster(configuration)
            || !string.IsNullOrEmpty(clustering["ConnectionString"])
            || !string.IsNullOrEmpty(clustering["ConnectionName"])
            || !string.IsNullOrEmpty(clustering["ServiceKey"]))
        {
            return silo;
        }

        var connectionString = configuration["OperationsCenter:Alerts:Redis"] is { Length: > 0 } redis
            ? redis
            : AlertStorageConfiguration.DefaultRedis;
        silo.Services.PostConfigure<RedisClusteringOptions>(options =>
            options.ConfigurationOptions ??= ConfigurationOptions.Parse(connectionString));
        return silo;
    }
}
