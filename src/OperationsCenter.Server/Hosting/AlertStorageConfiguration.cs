using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Storage;
using OperationsCenter.Server.Alerts.Storage;
using Orleans.Configuration;
using Orleans.Hosting;

namespace OperationsCenter.Server.Hosting;

/// <summary>
/// The grain storage alerts (and silences) live in, from <c>OperationsCenter:Alerts</c>: <c>Storage</c> = <c>Redis</c> (the default;
/// <c>Redis</c> holds the connection string, default <c>127.0.0.1:6379</c>) so lifecycles and acknowledgements survive
/// a restart, or <c>Memory</c> for a throwaway run. Either way the states are kept as tables (<see cref="TableGrainStorage"/>),
/// so the list of alerts is rebuilt from storage in one read after a restart.
/// </summary>
/// <remarks>
/// A Redis that is down never stops the server (see <see cref="AlertRedis"/>): ingest (a 204 is the spool's promise,
/// not Redis's) and live state carry on; an alert keeps its changes and stores them once Redis answers; an
/// acknowledgement that cannot be stored is refused with a 503.
/// </remarks>
internal static class AlertStorageConfiguration
{
    /// <summary>Where Redis is when <c>OperationsCenter:Alerts:Redis</c> is not set.</summary>
    public const string DefaultRedis = "127.0.0.1:6379";

    /// <summary>Registers the <see cref="AlertStorage.Name"/> grain storage provider as configured.</summary>
    /// <exception cref="InvalidOperationException"><c>Storage</c> names neither <c>Redis</c> nor <c>Memory</c>.</exception>
    public static ISiloBuilder AddAlertStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection("OperationsCenter:Alerts");
        if (section.GetValue<TimeSpan?>("Reminders:Period") is { } period && period < TimeSpan.FromMinutes(1))
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period);
        }

        var storage = section["Storage"] is { Length: > 0 } configured ? configured : "Redis";
        if (storage.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            // Memory is one silo's memory: in a cluster an alert re-activated on another node would start from nothing,
            // and the in-memory reminder service serves one silo only.
            if (ClusteringConfiguration.IsCluster(configuration))
            {
                throw new InvalidOperationException(
                    "OperationsCenter:Alerts:Storage is 'Memory' but Orleans:Clustering:ProviderType is 'Redis': a cluster needs 'Redis' storage.");
            }

            silo.Services.AddTableGrainStorage(AlertStorage.Name, _ => new MemoryStateTable());
            return silo.UseInMemoryReminderService();
        }

        if (!storage.Equals("Redis", StringComparison.OrdinalIgnoreCase))
        {
            // A typo must not quietly fall back to memory and lose every acknowledgement on the next restart.
            throw new InvalidOperationException($"OperationsCenter:Alerts:Storage is '{storage}'; it must be 'Redis' or 'Memory'.");
        }

        var connectionString = section["Redis"] is { Length: > 0 } redis ? redis : DefaultRedis;

        // Reminders wake pending alerts, escalations and silence watches after a restart; they live in the same Redis.
        silo.UseRedisReminderService(o => o.ConfigurationOptions = AlertRedis.Options(connectionString));
        silo.Services.AddSingleton(sp => new AlertRedis(connectionString, sp.GetRequiredService<ILogger<AlertRedis>>()));
        silo.Services.AddTableGrainStorage(AlertStorage.Name, sp => new RedisStateTable(
            sp.GetRequiredService<AlertRedis>(), $"operationscenter:{sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId}"));
        return silo;
    }
}
