using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.HealthChecks;

/// <summary>InfluxDB as the drainer last saw it. Down is degraded, not unready: ingest goes on into the spool.</summary>
internal sealed class InfluxHealthCheck(DrainStatus drain) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.Snapshot().Reachable
            ? HealthCheckResult.Healthy("InfluxDB takes the drained points")
            : HealthCheckResult.Degraded("InfluxDB is unreachable: points wait in the spool"));
}
