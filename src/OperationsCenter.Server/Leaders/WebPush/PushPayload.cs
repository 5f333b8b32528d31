using System.Globalization;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>
/// What a push carries (JSON), and the service worker shows: a title and a body in Vietnamese saying what, where and
/// since when, and the URL of the alert on the leader view.
/// </summary>
/// <param name="Title">"Khẩn cấp — Mất kết nối …".</param>
/// <param name="Body">Where and since when: "Xã Tam Đường · từ 04:51, 02/12/2026".</param>
/// <param name="Url">The leader view on that alert.</param>
/// <param name="Tag">The alert's fingerprint: a newer notice replaces the older one on the phone.</param>
/// <param name="Kind">firing, escalated, repeat or resolved.</param>
/// <param name="State">The alert's state.</param>
public sealed record PushPayload(string Title, string Body, string Url, string Tag, string Kind, string State)
{
    private static readonly TimeZoneInfo Province = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The payload of <paramref name="notice"/>; <paramref name="unitName"/> names a department id.</summary>
    public static PushPayload From(AlertNotice notice, Func<string, string> unitName)
    {
        var alert = notice.Alert;
        var what = alert.TitleVi is { Length: > 0 } vi ? vi : alert.TitleEn is { Length: > 0 } en ? en : alert.RuleName;
        var heading = notice.Kind switch
        {
            NoticeKind.Resolved => "Đã kết thúc",
            NoticeKind.Escalated => "Chuyển lên lãnh đạo",
            NoticeKind.Repeat => "Nhắc lại",
            _ => alert.Severity == AlertSeverity.Critical ? "Khẩn cấp" : "Cảnh báo",
        };
        var unit = alert.Labels.GetValueOrDefault("department") is { Length: > 0 } where ? where : alert.Owner;
        var since = alert.FiringSince ?? alert.StartsAt;
        var body = notice.Kind == NoticeKind.Resolved && alert.EndsAt is { } ended
            ? $"{unitName(unit)} · từ {Format(since)} đến {Format(ended)}{(alert.Resolution is { Length: > 0 } how ? $" ({how})" : "")}"
            : $"{unitName(unit)} · từ {Format(since)}";
        return new PushPayload(
            $"{heading} — {what}", body, $"/leader.html#alert={Uri.EscapeDataString(alert.Fingerprint)}", alert.Fingerprint,
            notice.Kind.ToString().ToLowerInvariant(), alert.State.ToString().ToLowerInvariant());
    }

    /// <summary>"04:51, 02/12/2026" in the province's time zone, as people write it in Vietnam.</summary>
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Province).ToString("HH:mm, dd/MM/yyyy", CultureInfo.InvariantCulture);
}
