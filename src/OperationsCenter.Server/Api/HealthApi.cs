using Microsoft.Extensions.Options;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Api;

/// <summary><c>GET /health</c>: InfluxDB, the spool's backlog, dead letters and the cluster, as JSON.</summary>
internal static class HealthApi
{
    /// <summary>Maps the endpoint. It answers 200 even when InfluxDB is down: ingest still works, into the spool.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (Spool spool, DrainStatus drain, DeadLetterFile deadLetters, Alerts.RuleStatus rules,
            Notifications.Webhooks.WebhookDispatcher webhooks, Notifications.Webhooks.WebhookFailures webhookFailures, IOptions<InfluxOptions> influx,
            IOptions<SpoolOptions> spoolOptions, IClusterMembershipService membership) =>
        {
            var backlog = spool.Backlog();
            var state = drain.Snapshot();
            var ruleState = rules.Snapshot();
            var activeSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return TypedResults.Ok(new
            {
                Status = state.Reachable && deadLetters.Count == 0 && ruleState.Errors.IsEmpty && webhooks.Failed == 0 ? "ok" : "degraded",
                Influx = new
                {
                    Url = influx.Value.Url.ToString(),
                    state.Version,
                    state.Reachable,
                    state.LastError,
                    state.LastErrorAt,
                    state.LastSuccessAt,
                    state.PointsShipped,
                },
                Spool = new
                {
                    BacklogPoints = backlog.Points,
                    BacklogBytes = backlog.Bytes,
                    OldestUnshippedSeconds = backlog.OldestAppendedAt is { } oldest ? (DateTimeOffset.UtcNow - oldest).TotalSeconds : 0,
                    LimitBytes = spoolOptions.Value.MaxBytes,
                },
                DeadLetters = new { deadLetters.Count, File = deadLetters.Path },
                Cluster = new { ActiveSilos = activeSilos },
                Rules = new { InForce = ruleState.Rules, ruleState.Directory, ruleState.LoadedAt, ruleState.Errors },
                Webhooks = new { webhooks.Delivered, webhooks.Failed, Recent = webhookFailures.Recent().Take(10), webhooks.FailureLogPath },
            });
        }).AllowAnonymous();
        return app;
    }
}
