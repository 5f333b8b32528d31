using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Storage;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Api;

/// <summary><c>GET /health</c>: InfluxDB, the spool's backlog, alert storage, dead letters and the cluster, as JSON.</summary>
internal static class HealthApi
{
    // Redis answers a PING in well under a millisecond; a second without an answer is a stall.
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Maps the endpoint, open to monitors: 200 when <c>status</c> is <c>ok</c>, 503 with the same body when it is
    /// <c>degraded</c> (a monitor that reads only status codes sees it). Addresses, file paths and error texts are
    /// shown only to signed-in people.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Spool spool, DrainStatus drain, DeadLetterFile deadLetters, Alerts.RuleStatus rules,
            Notifications.Webhooks.WebhookDispatcher webhooks, Notifications.Webhooks.WebhookFailures webhookFailures, IOptions<InfluxOptions> influx,
            IOptions<SpoolOptions> spoolOptions, IClusterMembershipService membership, AlertStoreStatus alertStore, IServiceProvider services,
            System.Security.Claims.ClaimsPrincipal user) =>
        {
            // Anyone (a monitor) gets the states and counts; addresses, paths and error texts only a signed-in person.
            var detailed = Security.Roles.All.Any(user.IsInRole);
            var backlog = spool.Backlog();
            var state = drain.Snapshot();
            var ruleState = rules.Snapshot();
            var activeSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            var redis = services.GetService<AlertRedis>();
            var ping = redis is null ? null : await redis.PingAsync(PingTimeout);
            var storeOk = (redis is null || ping is not null) && alertStore.Unstored == 0;
            var ok = state.Reachable && storeOk && deadLetters.Count == 0 && ruleState.Errors.IsEmpty && webhooks.Failed == 0;
            return TypedResults.Json(new
            {
                Status = ok ? "ok" : "degraded",
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
                AlertStorage = new
                {
                    Kind = redis is null ? "memory" : "redis",
                    Address = detailed ? redis?.Endpoints : null,
                    Reachable = redis is null || ping is not null,
                    PingMilliseconds = ping?.TotalMilliseconds,
                    UnstoredAlerts = alertStore.Unstored,
                    LastError = detailed ? alertStore.LastError?.Error : null,
                    LastErrorAt = alertStore.LastError?.At,
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
            }, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
