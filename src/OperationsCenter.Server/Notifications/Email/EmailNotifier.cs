using Microsoft.Extensions.Options;
using MimeKit;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// Mails leader notices (a critical alert firing, an escalation, a repeat, the resolution of one leaders were told
/// of) to every person with the leader role and an <c>Email</c>. The mails are in the durable outbox before this
/// returns, so the alert stores its notice only once the mail cannot be lost; <see cref="EmailSender"/> sends them.
/// </summary>
internal sealed partial class EmailNotifier(
    IOptionsMonitor<EmailOptions> options,
    IOptionsMonitor<AuthOptions> auth,
    IOptionsMonitor<DepartmentDirectoryOptions> departments,
    ConfiguredCatalog catalog,
    AlertRuleSet rules,
    EmailOutbox outbox,
    EmailSender sender,
    ILogger<EmailNotifier> logger) : IAlertNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var settings = options.CurrentValue;
        if (!notice.ToLeaders || !settings.Enabled)
        {
            return Task.CompletedTask;
        }

        var key = NoticeKey.Of(notice, rules.Current.FirstOrDefault(r => r.Name == notice.Alert.RuleName));
        var from = MailboxAddress.Parse(settings.From);
        var domain = from.Domain is { Length: > 0 } d ? d : "operations-center";
        var directory = departments.CurrentValue;

        // The catalog's names first (with the unit's kind: "xã Bản Bo"), then the configured list, then the id.
        string NameOf(string id) => catalog.Catalog?.Departments.FirstOrDefault(d => d.Id == id)?.Name ?? directory.NameOf(id);
        var queued = 0;
        foreach (var leader in Leaders())
        {
            var name = EmailOutbox.NameOf(key, leader.Address);
            if (outbox.Knows(name))
            {
                continue;
            }

            // The Message-ID is the outbox name: a mail sent again after a crash is recognisably the same one.
            var message = LeaderMail.Compose(notice, from, leader, settings.BaseUrl, $"{name}@{domain}", NameOf);
            if (outbox.Add(name, message))
            {
                queued++;
            }
        }

        if (queued > 0)
        {
            LogQueued(queued, notice.Kind.ToString(), notice.Alert.Fingerprint);
            sender.Wake();
        }

        return Task.CompletedTask;
    }

    /// <summary>People with the leader role and a valid address, each address once.</summary>
    private IEnumerable<MailboxAddress> Leaders()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in auth.CurrentValue.Users)
        {
            var leader = user.Roles.Any(r => string.Equals(r.Trim(), Roles.Leader, StringComparison.OrdinalIgnoreCase));
            if (leader && MailboxAddress.TryParse(user.Email ?? "", out var parsed) && parsed is { Address: { } address }
                && address.Contains('@', StringComparison.Ordinal) && seen.Add(address))
            {
                yield return new MailboxAddress(string.IsNullOrWhiteSpace(user.DisplayName) ? user.Name : user.DisplayName, address);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} leader mails queued for the {Kind} notice of alert {Fingerprint}")]
    private partial void LogQueued(int count, string kind, string fingerprint);
}
