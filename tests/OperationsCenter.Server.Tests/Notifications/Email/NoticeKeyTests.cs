using System.Collections.Immutable;
using MimeKit;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Notifications.Email;

namespace OperationsCenter.Server.Tests.Notifications.Email;

/// <summary>
/// A notice handed over again (an alert that crashed after the notice, before storing it) is the same mail; real
/// new notices (the next repeat, a new episode) are new mails. Checked on real files in a temporary outbox.
/// </summary>
public sealed class NoticeKeyTests : IDisposable
{
    private static readonly AlertRule Rule = new(
        "overdue-dossiers-rising", RuleKind.Threshold, new SeriesMatcher("dossiers", "overdue", ImmutableDictionary<string, string>.Empty),
        AlertSeverity.Critical, "trung-tam-phvhcc", new LocalizedText("Hồ sơ quá hạn", "Overdue"), new LocalizedText("", ""))
    {
        RepeatInterval = TimeSpan.FromMinutes(30),
    };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"oc-outbox-{Guid.NewGuid():N}");

    [Fact]
    public void A_firing_handed_over_again_after_a_crash_is_the_same_mail_even_with_a_new_firing_time()
    {
        var firing = SampleAlerts.Firing();
        var again = firing with { FiringSince = firing.FiringSince!.Value.AddSeconds(40), UpdatedAt = firing.UpdatedAt.AddSeconds(40) };
        Assert.Equal(Key(NoticeKind.Firing, firing), Key(NoticeKind.Firing, again));

        // A new episode (it resolved and broke again) is a new mail.
        var next = firing with { StartsAt = firing.StartsAt.AddHours(2), FiringSince = firing.FiringSince!.Value.AddHours(2) };
        Assert.NotEqual(Key(NoticeKind.Firing, firing), Key(NoticeKind.Firing, next));
        Assert.NotEqual(Key(NoticeKind.Firing, firing), Key(NoticeKind.Resolved, SampleAlerts.Resolved(firing)));
    }

    [Fact]
    public void A_repeat_sent_again_seconds_later_is_the_same_mail_and_the_next_interval_is_a_new_one()
    {
        var firing = SampleAlerts.Firing();
        var since = firing.FiringSince!.Value;
        var first = firing with { LeadersNotifiedAt = since.AddMinutes(30).AddSeconds(1) };
        var resent = firing with { LeadersNotifiedAt = since.AddMinutes(30).AddSeconds(25) };
        var next = firing with { LeadersNotifiedAt = since.AddMinutes(60).AddSeconds(2) };
        Assert.Equal(Key(NoticeKind.Repeat, first), Key(NoticeKind.Repeat, resent));
        Assert.NotEqual(Key(NoticeKind.Repeat, first), Key(NoticeKind.Repeat, next));
    }

    [Fact]
    public void The_outbox_takes_a_mail_once_across_a_restart_and_after_it_was_sent()
    {
        var name = EmailOutbox.NameOf(Key(NoticeKind.Firing, SampleAlerts.Firing()), "binh@laichau.test");
        var outbox = new EmailOutbox(_folder);
        Assert.True(outbox.Add(name, Message()));
        Assert.False(outbox.Add(name, Message()));

        // A new process on the same folder: still waiting, still known; once sent, still known.
        var reopened = new EmailOutbox(_folder);
        Assert.Equal(1, reopened.Pending);
        Assert.False(reopened.Add(name, Message()));
        reopened.MarkSent(reopened.Waiting().Single());
        Assert.Equal(0, reopened.Pending);
        Assert.False(reopened.Add(name, Message()));

        // Another leader gets their own mail of the same notice.
        Assert.True(reopened.Add(EmailOutbox.NameOf(Key(NoticeKind.Firing, SampleAlerts.Firing()), "an@laichau.test"), Message()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Key(NoticeKind kind, AlertView alert) => NoticeKey.Of(new AlertNotice(kind, alert, ToLeaders: true), Rule);

    private static MimeMessage Message() => new(
        [new MailboxAddress("IOC", "ioc@laichau.test")], [new MailboxAddress("Bình", "binh@laichau.test")], "Cảnh báo", new TextPart("plain") { Text = "x" });
}
