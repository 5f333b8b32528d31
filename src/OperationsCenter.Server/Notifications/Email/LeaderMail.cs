using System.Globalization;
using System.Text;
using MimeKit;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// The Vietnamese mail one leader gets for one notice: what (the rule's title, value against threshold), where (the
/// department's name), since when, who owns it, who took it, and a link to the alert on the leader view. Plain text
/// and a simple HTML part with the same lines.
/// </summary>
internal static class LeaderMail
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the message; <paramref name="nameOf"/> turns a department id into its display name.</summary>
    public static MimeMessage Compose(AlertNotice notice, MailboxAddress from, MailboxAddress to, string baseUrl, string messageId,
        Func<string, string> nameOf)
    {
        var alert = notice.Alert;
        var link = $"{baseUrl.TrimEnd('/')}/leader?alert={Uri.EscapeDataString(alert.Fingerprint)}";
        var heading = $"{Kind(notice.Kind)}: {alert.TitleVi}";
        var lines = Lines(alert, nameOf);

        var text = new StringBuilder().AppendLine(heading).AppendLine();
        foreach (var (label, value) in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Xem cảnh báo: {link}");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:sans-serif;font-size:16px\">")
            .Append(CultureInfo.InvariantCulture, $"<h2 style=\"color:{Colour(notice)}\">{Encode(heading)}</h2><table cellpadding=\"4\">");
        foreach (var (label, value) in lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{Encode(label)}</th><td>{Encode(value)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><p><a href=\"{Encode(link)}\">Xem cảnh báo trên màn hình lãnh đạo</a></p></body></html>");

        var message = new MimeMessage
        {
            Subject = $"[{Severity(alert.Severity)}] {heading}",
            MessageId = messageId,
            Date = DateTimeOffset.UtcNow,
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(to);
        return message;
    }

    /// <summary>The rows of the mail, label then value, in reading order.</summary>
    private static List<(string Label, string Value)> Lines(AlertView alert, Func<string, string> nameOf)
    {
        var lines = new List<(string, string)> { ("Nội dung", alert.TitleVi) };
        if (!string.IsNullOrWhiteSpace(alert.DescriptionVi))
        {
            lines.Add(("Mô tả", alert.DescriptionVi));
        }

        if (Measured(alert) is { } measured)
        {
            lines.Add(("Giá trị", measured));
        }

        if (alert.Labels.GetValueOrDefault("department") is { Length: > 0 } department)
        {
            lines.Add(("Nơi", nameOf(department)));
        }

        lines.Add(("Mức độ", Severity(alert.Severity)));
        lines.Add(("Từ lúc", VietnameseTime.Format(alert.FiringSince ?? alert.StartsAt)));
        if (alert.State == AlertState.Resolved)
        {
            lines.Add(("Kết thúc lúc", VietnameseTime.Format(alert.EndsAt ?? alert.UpdatedAt) + (alert.Resolution is { } why ? $" ({why})" : "")));
        }

        lines.Add(("Đơn vị chủ trì", nameOf(alert.Owner)));
        lines.Add(("Tiếp nhận", alert.AcknowledgedBy is null
            ? "Chưa có người nhận xử lý"
            : $"{alert.AcknowledgedByName ?? alert.AcknowledgedBy}, lúc {VietnameseTime.Format(alert.AcknowledgedAt ?? alert.UpdatedAt)}"
                + (string.IsNullOrWhiteSpace(alert.Note) ? "" : $" — {alert.Note}")));
        return lines;
    }

    /// <summary>"12,5 (ngưỡng: trên 10)"; deadman rules count minutes silent; null when there is no value.</summary>
    private static string? Measured(AlertView alert)
    {
        if (alert.Value is not { } value)
        {
            return null;
        }

        return alert.Measure switch
        {
            { Kind: RuleKind.Deadman, Threshold: { } limit } => $"không gửi số liệu {Number(value)} phút (giới hạn {Number(limit)} phút)",
            { Operator: { } op, Threshold: { } threshold } => $"{Number(value)} (ngưỡng: {(op == ThresholdOperator.Above ? "trên" : "dưới")} {Number(threshold)})",
            _ => Number(value),
        };
    }

    private static string Number(double value) => value.ToString("#,##0.##", Vietnamese);

    private static string Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.Firing => "Cảnh báo",
        NoticeKind.Escalated => "Chưa có người xử lý",
        NoticeKind.Repeat => "Nhắc lại, chưa có người xử lý",
        NoticeKind.Resolved => "Đã kết thúc",
        _ => kind.ToString(),
    };

    private static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Nghiêm trọng",
        AlertSeverity.Warning => "Cảnh báo",
        _ => "Thông tin",
    };

    private static string Colour(AlertNotice notice) => notice.Kind == NoticeKind.Resolved ? "#2e7d32"
        : notice.Alert.Severity == AlertSeverity.Critical ? "#c62828" : "#ef6c00";

    // Only what HTML needs escaped: Vietnamese letters stay readable in the UTF-8 source (WebUtility would write &#7843;).
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
