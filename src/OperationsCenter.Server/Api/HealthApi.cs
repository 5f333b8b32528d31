using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Storage;
using OperationsCenter.Server.HealthChecks;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Api;

/// <summary>
/// <c>/health</c> (every check, as JSON: InfluxDB, the spool's backlog, alert storage, dead letters, rules, webhooks and
/// the cluster), <c>/health/live</c> (the process serves) and <c>/health/ready</c> (this node takes writes), on ASP.NET
/// Core's health checks. Open to monitors: 200 when all is well, 503 with the same body when <c>/health</c>'s
/// <c>status</c> is <c>degraded</c>. Addresses, file paths and error texts are shown only to signed-in people.
/// </summary>
internal static class HealthApi
{
    /// <summary>Registers the checks.</summary>
    public static IServiceCollection AddCenterHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<SpoolHealthCheck>("spool", tags: [HealthTags.Ready])
            .AddCheck<InfluxHealthCheck>("influx")
            .AddCheck<AlertStorageHealthCheck>("alertStorage")
            .AddCheck<RecordsHealthCheck>("records");
        return services;
    }

    /// <summary>Maps the three probes.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var failing = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };
        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = failing, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResultStatusCodes = failing, ResponseWriter = WriteStatusAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResultStatusCodes = failing, ResponseWriter = WriteStatusAsync })
            .AllowAnonymous();
        return app;
    }

    /// <summary>A probe's answer: its status and each check's.</summary>
    private static Task WriteStatusAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new { Status = Status(report), Checks = Checks(report) });

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var spool = services.GetRequiredService<Spool>();
        var drain = services.GetRequiredService<DrainStatus>();
        var deadLetters = services.GetRequiredService<DeadLetterFile>();
        var rules = services.GetRequiredService<Alerts.RuleStatus>();
        var webhooks = services.GetRequiredService<Notifications.Webhooks.WebhookDispatcher>();
        var webhookFailures = services.GetRequiredService<Notifications.Webhooks.WebhookFailures>();
        var influx = services.GetRequiredService<IOptions<InfluxOptions>>().Value;
        var alertStore = services.GetRequiredService<AlertStoreStatus>();
        var redis = services.GetService<AlertRedis>();

        // Anyone (a monitor) gets the states and counts; addresses, paths and error texts only a signed-in person.
        var detailed = Security.Roles.All.Any(context.User.IsInRole);
        var backlog = spool.Backlog();
        var state = drain.Snapshot();
        var ruleState = rules.Snapshot();
        var storage = report.Entries["alertStorage"];
        var ping = storage.Data.TryGetValue(AlertStorageHealthCheck.PingMilliseconds, out var milliseconds) ? (double?)milliseconds : null;
        await context.Response.WriteAsJsonAsync(new
        {
            Status = Status(report),
            Checks = Checks(report),
            Influx = new
            {
                Url = detailed ? influx.Url.ToString() : null,
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
                LimitBytes = services.GetRequiredService<IOptions<SpoolOptions>>().Value.MaxBytes,
            },
            AlertStorage = new
            {
                Kind = redis is null ? "memory" : "redis",
                Address = detailed ? redis?.Endpoints : null,
                Reachable = redis is null || ping is not null,
                PingMilliseconds = ping,
                UnstoredAlerts = alertStore.Unstored,
                LastError = detailed ? alertStore.LastError?.Error : null,
                LastErrorAt = alertStore.LastError?.At,
            },
            DeadLetters = new { deadLetters.Count, File = detailed ? deadLetters.Path : null },
            Cluster = new
            {
                ActiveSilos = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active),
            },
            Rules = new
            {
                InForce = ruleState.Rules,
                Directory = detailed ? ruleState.Directory : null,
                ruleState.LoadedAt,
                ErrorCount = ruleState.Errors.Length,
                Errors = detailed ? ruleState.Errors : [],
            },
            Mqtt = services.GetService<Mqtt.MqttRefusals>()?.Snapshot(detailed),
            Email = services.GetService<Notifications.Email.EmailSender>()?.Snapshot(detailed),
            Webhooks = new
            {
                webhooks.Delivered,
                webhooks.Failed,
                Recent = detailed ? webhookFailures.Recent().Take(10) : [],
                FailureLogPath = detailed ? webhooks.FailureLogPath : null,
            },
        });
    }

    private static string Status(HealthReport report) => report.Status == HealthStatus.Healthy ? "ok" : "degraded";

    private static Dictionary<string, object> Checks(HealthReport report) => report.Entries.ToDictionary(
        e => e.Key, e => (object)new { Status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description });
}
