using Orleans.Clustering.Redis;
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
    /// <summary>Fills in the Redis membership connection when the provider is Redis and no connection string is given.</summary>
    public static ISiloBuilder AddClusteringDefaults(this ISiloBuilder silo, IConfiguration configuration)
    {
        var clustering = configuration.GetSection("Orleans:Clustering");
        if (!string.Equals(clustering["ProviderType"], "Redis", StringComparison.OrdinalIgnoreCase)
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
