using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Notifications.Email;

/// <summary>
/// Leader mail through the real server process and a real SMTP server on loopback: a critical alert reaches each leader
/// with an address once, in Vietnamese, over STARTTLS; an SMTP outage or a SIGKILL loses nothing and sends nothing twice.
/// </summary>
public sealed class EmailToLeadersTests
{
    private const string Rules = """
        rules:
          - name: link-down
            kind: threshold
            match: { measurement: t_mail, field: up }
            below: 1
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất kết nối {tag:link}", en: "Link {tag:link} down" }
            description: { vi: "Đường truyền mất", en: "The link is down" }
        """;

    private const string BaseUrl = "https://ioc.laichau.test";
    private const string LeaderAddress = "binh@laichau.test";
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task A_critical_alert_reaches_each_leader_with_an_address_once_over_starttls_and_nobody_else()
    {
        await using var smtp = SmtpSink.Create();
        await using var center = await AlertCenter.StartAsync(Rules, Settings(smtp));

        await center.WriteAsync("xa-ban-bo", "t_mail,link=wan up=0i");
        var firing = await AwaitMailsAsync(smtp, 1, "the firing mail to the leader");
        var alert = (await center.AwaitAlertsAsync(a => a.Length == 1, "the firing alert"))[0];
        var fingerprint = AlertCenter.Fingerprint(alert);
        var since = TimeZoneInfo.ConvertTime(alert.GetProperty("firingSince").GetDateTimeOffset(), Vietnam)
            .ToString("HH:mm, dd/MM/yyyy", CultureInfo.InvariantCulture);

        var mail = firing[0];
        Assert.True(mail.Secure, "the mail must travel after STARTTLS");
        Assert.Equal(SmtpSink.UserName, mail.User);
        Assert.Equal("[Nghiêm trọng] Cảnh báo: Mất kết nối wan", mail.Message.Subject);
        Assert.Equal("Trần Thị Bình", mail.Message.To.Mailboxes.Single().Name);
        Assert.Contains("Nội dung: Mất kết nối wan", mail.Text);
        Assert.Contains("Giá trị: 0 (ngưỡng: dưới 1)", mail.Text);
        Assert.Contains("Nơi: xã Bản Bo", mail.Text);
        Assert.Contains($"Từ lúc: {since}", mail.Text);
        Assert.Contains("Đơn vị chủ trì: Sở Nội vụ", mail.Text);
        Assert.Contains("Tiếp nhận: Chưa có người nhận xử lý", mail.Text);
        Assert.Contains($"{BaseUrl}/leader?alert={fingerprint}", mail.Text);
        Assert.Contains($"href=\"{BaseUrl}/leader?alert={fingerprint}\"", mail.Message.HtmlBody);
        Assert.Contains("xã Bản Bo", mail.Message.HtmlBody);

        using (var ack = await center.AcknowledgeAsync(fingerprint, TestUsers.Operator, "Đã cử kỹ thuật"))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await center.WriteAsync("xa-ban-bo", "t_mail,link=wan up=1i");
        var both = await AwaitMailsAsync(smtp, 2, "the resolution mail after the firing one");
        var resolved = both[1];
        Assert.Equal("[Nghiêm trọng] Đã kết thúc: Mất kết nối wan", resolved.Message.Subject);
        Assert.Matches(@"Tiếp nhận: Nguyễn Văn An, lúc \d\d:\d\d, \d\d/\d\d/\d{4} — Đã cử kỹ thuật", resolved.Text);
        Assert.Contains("Kết thúc lúc: ", resolved.Text);

        // The outbox is sent in order, so by the resolution every firing mail has arrived: one, to the one leader
        // with an address (the operator has one but is no leader; the supervisor leads without one).
        Assert.All(smtp.Received, m => Assert.Equal([LeaderAddress], m.Recipients));
        Assert.Equal(2, smtp.Received.Count);
        Assert.NotEqual(firing[0].Message.MessageId, resolved.Message.MessageId);

        var health = await AwaitEmailAsync(center, e => e.GetProperty("sent").GetInt32() == 2, "two mails sent");
        Assert.Equal(0, health.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task An_smtp_outage_loses_nothing_shows_in_health_and_the_mail_arrives_once_the_server_is_back()
    {
        await using var smtp = SmtpSink.Create(start: false);
        await using var center = await AlertCenter.StartAsync(Rules, Settings(smtp));

        await center.WriteAsync("xa-ban-bo", "t_mail,link=wan up=0i");
        var down = await AwaitEmailAsync(center, e => e.GetProperty("pending").GetInt32() == 1 && e.GetProperty("failedAttempts").GetInt32() >= 2,
            "one mail waiting while the SMTP server is down, with failed attempts counted");
        Assert.True(down.GetProperty("failing").GetBoolean());
        var (status, body) = await center.HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("degraded", body.GetProperty("checks").GetProperty("email").GetProperty("status").GetString());
        await AwaitMetricAsync(center, "oc_notifications_pending", 1);

        smtp.Start();
        var mails = await AwaitMailsAsync(smtp, 1, "the mail once the SMTP server is back");
        Assert.Contains("Mất kết nối wan", mails[0].Message.Subject);
        var back = await AwaitEmailAsync(center, e => e.GetProperty("pending").GetInt32() == 0 && !e.GetProperty("failing").GetBoolean(),
            "the outbox empty and mail no longer failing");
        Assert.Equal(1, back.GetProperty("sent").GetInt32());
        var (_, after) = await center.HealthAsync();
        Assert.Equal("healthy", after.GetProperty("checks").GetProperty("email").GetProperty("status").GetString());
        Assert.Single(smtp.Received);
        await AwaitMetricAsync(center, "oc_notifications_sent_total", 1);
        await AwaitMetricAsync(center, "oc_notifications_pending", 0);
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    public async Task The_outbox_survives_a_restart_and_the_mail_arrives_once_after_it(string signal)
    {
        await using var smtp = SmtpSink.Create(start: false);
        await using var center = await AlertCenter.StartAsync(Rules, Settings(smtp));

        await center.WriteAsync("xa-ban-bo", "t_mail,link=wan up=0i");
        await AwaitEmailAsync(center, e => e.GetProperty("pending").GetInt32() == 1 && e.GetProperty("failedAttempts").GetInt32() >= 1,
            "the mail waiting in the outbox while the SMTP server is down");
        await center.AwaitAlertsAsync(a => a.Length == 1 && AlertCenter.State(a[0]) == "firing", "the alert firing");

        await center.RestartAsync(signal);
        await AwaitEmailAsync(center, e => e.GetProperty("pending").GetInt32() == 1, "the mail still waiting after the restart");
        smtp.Start();
        await AwaitMailsAsync(smtp, 1, $"the mail kept across the SIG{signal}");
        await AwaitEmailAsync(center, e => e.GetProperty("pending").GetInt32() == 0 && e.GetProperty("sent").GetInt32() == 1, "the outbox emptied");
        Assert.Single(smtp.Received);
        Assert.Equal([LeaderAddress], smtp.Received[0].Recipients);
    }

    private static Dictionary<string, string?> Settings(SmtpSink smtp)
    {
        var settings = smtp.Settings(BaseUrl);
        settings[$"OperationsCenter:Auth:Users:{TestUsers.Leader.Name}:Email"] = LeaderAddress;
        settings[$"OperationsCenter:Auth:Users:{TestUsers.Operator.Name}:Email"] = "an@laichau.test";
        return settings;
    }

    /// <summary>Waits until <c>/metrics</c> (read as an administrator) shows <paramref name="value"/> for the email channel.</summary>
    private static async Task AwaitMetricAsync(AlertCenter center, string name, int value)
    {
        using var admin = await center.Center.CreateClientAsync(TestUsers.Admin);
        var line = new Regex($@"^{name}\{{[^}}]*channel=""email""[^}}]*\}} {value}(\s|$)", RegexOptions.Multiline);
        await Await.UntilAsync(() => admin.GetStringAsync("/metrics"), line.IsMatch, $"{name} of the email channel at {value}", TimeSpan.FromSeconds(30));
    }

    private static Task<IReadOnlyList<ReceivedMail>> AwaitMailsAsync(SmtpSink smtp, int count, string expected) =>
        Await.UntilAsync(() => Task.FromResult(smtp.Received), m => m.Count >= count, expected, TimeSpan.FromSeconds(30));

    private static Task<JsonElement> AwaitEmailAsync(AlertCenter center, Func<JsonElement, bool> done, string expected) =>
        Await.UntilAsync(async () => (await center.HealthAsync()).Body.GetProperty("email"), done, expected, TimeSpan.FromSeconds(30));
}
