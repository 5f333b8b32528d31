using System.Text;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Measurements the center writes its own records under. Departments may not write them (a forged row would show as a
/// real admin action or acknowledgement) and the history API does not read them (they have their own, role-checked APIs).
/// </summary>
internal static class ReservedMeasurements
{
    /// <summary>Who changed what (<see cref="Audit.AuditLog"/>), read at <c>/api/v1/audit</c> by admins.</summary>
    public const string Audit = "audit";

    /// <summary>Alert transitions and acknowledgements (<see cref="Alerts.SpoolAlertHistory"/>), read at <c>/api/v1/alerts/history</c>.</summary>
    public const string AlertHistory = "alert_history";

    private static readonly byte[] AuditBytes = Encoding.UTF8.GetBytes(Audit);
    private static readonly byte[] AlertHistoryBytes = Encoding.UTF8.GetBytes(AlertHistory);

    /// <summary>Every reserved name, for messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Audit, AlertHistory];

    /// <summary>True for a reserved name (exact, as InfluxDB's names are case-sensitive).</summary>
    public static bool IsReserved(ReadOnlySpan<byte> measurement) =>
        measurement.SequenceEqual(AuditBytes) || measurement.SequenceEqual(AlertHistoryBytes);

    /// <summary>Where a reserved measurement is read instead, or null when <paramref name="measurement"/> is not reserved.</summary>
    public static string? ApiFor(string measurement) => measurement switch
    {
        Audit => "/api/v1/audit",
        AlertHistory => "/api/v1/alerts/history",
        _ => null,
    };
}
