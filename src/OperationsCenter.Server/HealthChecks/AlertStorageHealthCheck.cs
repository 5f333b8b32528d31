using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Storage;

namespace OperationsCenter.Server.HealthChecks;

/// <summary>
/// Alert storage (and reminders): Redis answers a PING within a second, and no alert waits to be stored. Either fault
/// is degraded: the wall and ingest go on, alert changes are kept and stored once Redis answers.
/// </summary>
internal sealed class AlertStorageHealthCheck(AlertStoreStatus store, IServiceProvider services) : IHealthCheck
{
    // Redis answers a PING in well under a millisecond; a second without an answer is a stall.
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The data key of the PING's round trip in milliseconds (absent when Redis did not answer).</summary>
    public const string PingMilliseconds = "pingMilliseconds";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<AlertRedis>() is not { } redis)
        {
            return HealthCheckResult.Healthy("alert state is kept in memory (OperationsCenter:Alerts:Storage=Memory)");
        }

        var ping = await redis.PingAsync(PingTimeout);
        var data = ping is { } answered ? new Dictionary<string, object> { [PingMilliseconds] = answered.TotalMilliseconds } : null;
        return (ping, store.Unstored) switch
        {
            (null, _) => HealthCheckResult.Degraded("Redis does not answer: alert changes are kept and stored once it does", data: data),
            (_, > 0) => HealthCheckResult.Degraded($"{store.Unstored} alerts wait to be stored", data: data),
            _ => HealthCheckResult.Healthy("Redis answers and every alert is stored", data),
        };
    }
}
