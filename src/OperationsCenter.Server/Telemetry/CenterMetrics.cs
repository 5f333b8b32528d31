using System.Diagnostics;
using System.Diagnostics.Metrics;
using OperationsCenter.Grains;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Telemetry;

/// <summary>
/// The center's own instruments (meter <c>OperationsCenter</c>), exported on <c>/metrics</c> with the names in
/// brackets: ingest ([oc_ingest_points_accepted_total], [oc_ingest_points_refused_total],
/// [oc_ingest_request_duration_seconds]), the spool ([oc_spool_backlog_points], [oc_spool_backlog_bytes],
/// [oc_spool_oldest_age_seconds]), the drain ([oc_drain_points_total], [oc_drain_failures_total]), dead letters
/// ([oc_dead_letters_total]), notifications ([oc_notifications_sent_total], [oc_notifications_failed_total], [oc_notifications_pending]) and hub
/// connections ([oc_hub_connections]), grain calls for the wall's read model ([oc_wall_grain_calls_total]). Live series and alert transitions are the grains' (<see cref="GrainMetrics"/>).
/// </summary>
internal sealed class CenterMetrics
{
    /// <summary>The meter's name, for the OpenTelemetry SDK.</summary>
    public const string MeterName = "OperationsCenter";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _drainPoints;
    private readonly Counter<long> _drainFailures;
    private readonly Counter<long> _notificationsSent;
    private readonly Counter<long> _notificationsFailed;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Counter<long> _wallGrainCalls;

    /// <summary>Creates the meter and its instruments; the gauges read the spool and the dead-letter file when collected.</summary>
    public CenterMetrics(IMeterFactory meters, Spool spool, DeadLetterFile deadLetters, TimeProvider time)
    {
        var meter = _meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("oc.ingest.points.accepted", "{point}",
            "Points accepted (made durable in the spool), by department and dialect (line, json, mqtt)");
        _refused = meter.CreateCounter<long>("oc.ingest.points.refused", "{point}",
            "Points refused, by department, dialect and reason (invalid, reserved_measurement, foreign_department, time_window, field_type, spool_full)");
        _requestDuration = meter.CreateHistogram<double>("oc.ingest.request.duration", "s",
            "Ingest requests from arrival to answer, by dialect and HTTP status (429, 401 and 413 included)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

        // Read when collected: the spool already knows its backlog, nothing is counted twice.
        meter.CreateObservableGauge("oc.spool.backlog.points", () => spool.Backlog().Points, "{point}", "Points durable in the spool, not yet confirmed by InfluxDB");
        meter.CreateObservableGauge("oc.spool.backlog.bytes", () => spool.Backlog().Bytes, "By", "Bytes of spool records not yet confirmed by InfluxDB");
        meter.CreateObservableGauge("oc.spool.oldest.age", () => spool.Backlog().OldestAppendedAt is { } oldest
            ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds)
            : 0, "s", "Age of the oldest point waiting for InfluxDB (0 when none waits)");
        _drainPoints = meter.CreateCounter<long>("oc.drain.points", "{point}", "Points InfluxDB confirmed (the spool's checkpoint moved past them)");
        _drainFailures = meter.CreateCounter<long>("oc.drain.failures", "{failure}", "Failed writes to InfluxDB (each retried)");
        meter.CreateObservableCounter("oc.dead_letters", () => deadLetters.Count, "{line}",
            "Lines InfluxDB refused for good, written to dead-letter.lp since start");
        _notificationsSent = meter.CreateCounter<long>("oc.notifications.sent", "{notification}", "Notifications delivered, by channel (webhook: per receiver; hub: leader notices)");
        _notificationsFailed = meter.CreateCounter<long>("oc.notifications.failed", "{notification}", "Notifications finally not delivered, by channel");
        _hubConnections = meter.CreateUpDownCounter<long>("oc.hub.connections", "{connection}", "Open /hubs/wall connections on this node, by view (wall, leader)");
        _wallGrainCalls = meter.CreateCounter<long>("oc.wall.grain_calls", "{call}",
            "Grain calls made for the wall's read model on this node, by path (seed: loading it; snapshot: a connecting page's, always 0)");
    }

    /// <summary>Counts points a request (HTTP or MQTT) made durable.</summary>
    public void Accepted(string department, string dialect, long points)
    {
        if (points > 0)
        {
            _accepted.Add(points, new TagList { { "department", department }, { "dialect", dialect } });
        }
    }

    /// <summary>Counts points refused for <paramref name="reason"/> (one of <see cref="RefusalReasons"/>).</summary>
    public void Refused(string department, string dialect, string reason, long points)
    {
        if (points > 0)
        {
            _refused.Add(points, new TagList { { "department", department }, { "dialect", dialect }, { "reason", reason } });
        }
    }

    /// <summary>Records one ingest request's duration with the status it was answered (for MQTT: 0 ok, else the reason code).</summary>
    public void IngestRequest(string dialect, int status, TimeSpan elapsed) =>
        _requestDuration.Record(elapsed.TotalSeconds, new TagList { { "dialect", dialect }, { "status", StatusTag(status) } });

    /// <summary>Counts points InfluxDB confirmed.</summary>
    public void Drained(long points) => _drainPoints.Add(points);

    /// <summary>Counts a failed write to InfluxDB.</summary>
    public void DrainFailed() => _drainFailures.Add(1);

    /// <summary>Counts a notification delivered on <paramref name="channel"/> (<c>webhook</c>, <c>hub</c>).</summary>
    public void NotificationSent(string channel) => _notificationsSent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>Counts a notification given up on.</summary>
    public void NotificationFailed(string channel) => _notificationsFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>Reports <paramref name="pending"/> as [oc_notifications_pending] of <paramref name="channel"/> (<c>email</c>: the outbox).</summary>
    public void ObservePending(string channel, Func<int> pending) =>
        _meter.CreateObservableGauge("oc.notifications.pending", () => new Measurement<int>(pending(), new KeyValuePair<string, object?>("channel", channel)),
            "{notification}", "Notifications waiting to be delivered (kept across restarts), by channel");

    /// <summary>A hub connection opened (+1) or closed (-1) for <paramref name="view"/> (<c>wall</c>, <c>leader</c>).</summary>
    public void HubConnections(string view, int delta) => _hubConnections.Add(delta, new KeyValuePair<string, object?>("view", view));

    /// <summary>Counts a grain call made for the wall's read model on <paramref name="path"/> (seed or snapshot).</summary>
    public void WallGrainCall(string path) => _wallGrainCalls.Add(1, new KeyValuePair<string, object?>("path", path));

    private static string StatusTag(int status) => status switch
    {
        200 => "200",
        204 => "204",
        400 => "400",
        401 => "401",
        403 => "403",
        413 => "413",
        429 => "429",
        503 => "503",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The <c>dialect</c> tag of the ingest instruments.</summary>
public static class IngestDialectTag
{
    /// <summary>Line protocol on <c>/write</c> and <c>/api/v2/write</c>.</summary>
    public const string Line = "line";

    /// <summary>The native JSON feed, <c>/api/v1/feeds</c>.</summary>
    public const string Json = "json";

    /// <summary>Line protocol published over MQTT.</summary>
    public const string Mqtt = "mqtt";

    /// <summary>A report: CSV on <c>/api/v1/feeds</c>, or CSV and Excel uploaded on a department's page.</summary>
    public const string Csv = "csv";

    /// <summary>The tag of an HTTP request's dialect.</summary>
    internal static string For(IngestDialect dialect) => dialect switch
    {
        IngestDialect.V1 or IngestDialect.V2 => Line,
        IngestDialect.Feed => Json,
        _ => dialect.ToString().ToLowerInvariant(),
    };
}

/// <summary>The <c>reason</c> tag of <c>oc.ingest.points.refused</c>.</summary>
public static class RefusalReasons
{
    /// <summary>Not line protocol, not UTF-8, or over a per-line limit.</summary>
    public const string Invalid = "invalid";

    /// <summary>A measurement the center keeps for its own records.</summary>
    public const string ReservedMeasurement = "reserved_measurement";

    /// <summary>The line names another department.</summary>
    public const string ForeignDepartment = "foreign_department";

    /// <summary>The timestamp is outside MaxPastTime/MaxFutureTime.</summary>
    public const string TimeWindow = "time_window";

    /// <summary>A field's type differs from the one already stored.</summary>
    public const string FieldType = "field_type";

    /// <summary>The spool was full (or its disk): the whole request was refused with 503.</summary>
    public const string SpoolFull = "spool_full";

}
