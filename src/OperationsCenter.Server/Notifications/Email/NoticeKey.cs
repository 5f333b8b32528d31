using System.Globalization;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// What makes two notices the same mail: the alert, the kind and the moment of its lifecycle the notice is about, so a
/// notice handed over again (a grain retrying after a crash before it stored the notice) gets the same key.
/// </summary>
internal static class NoticeKey
{
    /// <summary>
    /// Firing and resolved: once per episode (its start). Escalated: once per firing (acknowledging and giving back
    /// starts a new one). Repeat: once per repeat interval counted from when leaders were first due to be told.
    /// </summary>
    public static string Of(AlertNotice notice, AlertRule? rule)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var alert = notice.Alert;
        var since = alert.FiringSince ?? alert.StartsAt;
        var moment = notice.Kind switch
        {
            NoticeKind.Escalated => Time(since),
            NoticeKind.Repeat => RepeatSlot(alert, since, rule),
            _ => Time(alert.StartsAt),
        };
        return $"{alert.Fingerprint}|{notice.Kind}|{moment}";
    }

    private static string RepeatSlot(AlertView alert, DateTimeOffset since, AlertRule? rule)
    {
        var at = alert.LeadersNotifiedAt ?? alert.UpdatedAt;
        if (rule?.RepeatInterval is not { } repeat || repeat <= TimeSpan.Zero)
        {
            return Time(at);
        }

        // Repeats come one interval after the last notice, a little late each time; rounding keeps a repeat sent again
        // seconds later (after a crash) in the same slot, and two real repeats (an interval apart) in different ones.
        var first = alert.Severity == AlertSeverity.Critical ? since : since + (rule.EscalateAfter ?? TimeSpan.Zero);
        var slot = Math.Round((at - first) / repeat, MidpointRounding.AwayFromZero);
        return $"{Time(since)}#{slot.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Time(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
