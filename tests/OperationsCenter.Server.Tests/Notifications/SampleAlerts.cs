using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>Alerts as the grains would hand them over.</summary>
internal static class SampleAlerts
{
    public static readonly DateTimeOffset PendingAt = new(2026, 3, 2, 8, 0, 0, 250, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset FiringAt = new(2026, 3, 2, 8, 5, 0, 123, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset ResolvedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public static AlertView Firing(string fingerprint = "9f1c2e3d4b5a6978", string department = "xa-an-binh",
        AlertSeverity severity = AlertSeverity.Critical, string rule = "overdue-dossiers-rising") =>
        new(fingerprint, rule, severity, AlertState.Firing, "trung-tam-phvhcc",
            ImmutableDictionary<string, string>.Empty.Add("department", department).Add("measurement", "dossiers"),
            $"Hồ sơ quá hạn tăng ở {department}", $"Overdue dossiers rising at {department}",
            "Tăng 7 hồ sơ trong 15 phút", "Up 7 dossiers in 15 minutes", 7, PendingAt, FiringAt, null, null, null, null, FiringAt);

    public static AlertView Acknowledged(AlertView alert) =>
        alert with { State = AlertState.Acknowledged, AcknowledgedBy = "Trần Thị Bình", AcknowledgedAt = FiringAt.AddMinutes(3), Note = "đã báo" };

    public static AlertView Resolved(AlertView alert) => alert with { State = AlertState.Resolved, EndsAt = ResolvedAt, UpdatedAt = ResolvedAt };
}
