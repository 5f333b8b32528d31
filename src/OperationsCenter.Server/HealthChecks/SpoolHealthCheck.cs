using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.HealthChecks;

/// <summary>
/// The spool can take writes: at its limit every write is refused with 503, so a node whose spool is nine tenths full
/// is not ready (a load balancer sends the writes to another node before they are refused here).
/// </summary>
internal sealed class SpoolHealthCheck(Spool spool, IOptions<SpoolOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = spool.Backlog();
        return Task.FromResult(backlog.Bytes >= options.Value.MaxBytes / 10 * 9
            ? HealthCheckResult.Unhealthy($"the spool holds {backlog.Bytes} of its {options.Value.MaxBytes} bytes: writes are refused once it is full, until InfluxDB catches up")
            : HealthCheckResult.Healthy($"{backlog.Points} points wait for InfluxDB"));
    }
}
