using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OperationsCenter.Server.HealthChecks;

/// <summary>This node's silo is an active member of the cluster: without it no live state or alert is handled here.</summary>
internal sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
            ? HealthCheckResult.Healthy("the silo is active")
            : HealthCheckResult.Unhealthy("the silo is not an active member of the cluster"));
}
