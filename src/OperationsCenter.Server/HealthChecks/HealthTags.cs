namespace OperationsCenter.Server.HealthChecks;

/// <summary>Which probe a health check belongs to.</summary>
internal static class HealthTags
{
    /// <summary>Needed to take writes: a load balancer sends none to a node that is not ready.</summary>
    public const string Ready = "ready";
}
