using Microsoft.Extensions.Diagnostics.HealthChecks;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Notifications.Webhooks;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.HealthChecks;

/// <summary>What needs a person's attention though nothing is down: dead letters, rule files refused, webhooks failed.</summary>
internal sealed class RecordsHealthCheck(DeadLetterFile deadLetters, RuleStatus rules, WebhookDispatcher webhooks) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (deadLetters.Count > 0)
        {
            problems.Add($"{deadLetters.Count} lines InfluxDB refused are in the dead-letter file");
        }

        if (rules.Snapshot().Errors is { IsEmpty: false } errors)
        {
            problems.Add($"the rule files have {errors.Length} errors; the last good rules are in force");
        }

        if (webhooks.Failed > 0)
        {
            problems.Add($"{webhooks.Failed} webhook deliveries failed");
        }

        return Task.FromResult(problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join("; ", problems)));
    }
}
