using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>Degraded while leader mail cannot be sent (it waits in the outbox) or the server refused some for good.</summary>
internal sealed class EmailHealthCheck(EmailSender sender) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = sender.Snapshot(detailed: false);
        var problems = new List<string>();
        if (status.Failing)
        {
            problems.Add($"the mail server cannot be reached or refuses for now: {status.Pending} mails wait in the outbox and are retried");
        }

        if (status.Failed > 0)
        {
            problems.Add($"the mail server refused {status.Failed} mails for good (kept in email/failed)");
        }

        var result = !status.Enabled ? HealthCheckResult.Healthy("mail is off (OperationsCenter:Email:Host is empty)")
            : problems.Count > 0 ? HealthCheckResult.Degraded(string.Join("; ", problems))
            : HealthCheckResult.Healthy($"{status.Sent} mails sent since start, {status.Pending} waiting");
        return Task.FromResult(result);
    }
}
