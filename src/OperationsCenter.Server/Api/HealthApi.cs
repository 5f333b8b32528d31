using Microsoft.Extensions.Options;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Api;

/// <summary><c>GET /health</c>: InfluxDB, the spool's backlog, dead letters and the cluster, as JSON.</summary>
internal static class HealthApi
{
    /// <summary>
    /// Maps the endpoint, open to monitors. It answers 200 even when InfluxDB is down: ingest still works, into the
    /// spool. Addresses, file paths and error texts are shown only to signed-in people.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (Spool spool, DrainStatus drain, DeadLetterFile deadLetters, Alerts.RuleStatus rules,
            Notifications.Webhooks.WebhookDispatcher webhooks, Notifications.Webhooks.WebhookFailures webhookFailures, IOptions<InfluxOptions> influx,
            IOptions<SpoolOptions> spoolOptions, IClusterMembershipService membership, System.Security.Claims.ClaimsPrincipal user) =>
        {
            // Anyone (a monitor) gets the states and counts; addresses, paths and error texts only a signed-in person.
            var detailed = Security.Roles.All.Any(user.IsInRole);
            var backlog = spool.Backlog();
            var state = drain.Snapshot();
            var ruleState = rules.Snapshot();
            var activeSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return TypedResults.Ok(new
            {
                Status = state.Reachable && deadLetters.Count == 0 && ruleState.Errors.IsEmpty && webhooks.Failed == 0 ? "ok" : "degraded",
                Influx = new
                {
                    Url = detailed ? influx.Value.Url.ToString() : null,
                    state.Version,
                    state.Reachable,
                    LastError = detailed ? state.LastError : null,
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
                DeadLetters = new { deadLetters.Count, File = detailed ? deadLetters.Path : null },
                Cluster = new { ActiveSilos = activeSilos },
                Rules = new
                {
                    InForce = ruleState.Rules,
                    Directory = detailed ? ruleState.Directory : null,
                    ruleState.LoadedAt,
                    ErrorCount = ruleState.Errors.Length,
                    Errors = detailed ? ruleState.Errors : [],
                },
                Webhooks = new
                {
                    webhooks.Delivered,
                    webhooks.Failed,
                    Recent = detailed ? webhookFailures.Recent().Take(10) : [],
                    FailureLogPath = detailed ? webhooks.FailureLogPath : null,
                },
            });
        }).AllowAnonymous();
        return app;
    }
}
