using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// The durable mail queue in the data folder (<c>email/</c>): a mail is an <c>.eml</c> file in <c>outbox/</c>,
/// written and fsynced before the notice is taken, moved to <c>sent/</c> once the SMTP server took it, or to
/// <c>failed/</c> (with a <c>.txt</c> saying why) when the server refused it for good. A restart continues what
/// <c>outbox/</c> holds. The file name is the hash of the notice's key and the recipient, so a notice handed over
/// twice (a grain retrying, a restart in between) is one mail: a name already in any folder is not added again.
/// </summary>
internal sealed class EmailOutbox
{
    private readonly Lock _gate = new();
    private readonly string _outbox;
    private readonly string _sent;
    private readonly string _failed;

    /// <summary>Opens (creating) the folders under <paramref name="root"/>; half-written files of a crash are removed.</summary>
    public EmailOutbox(string root)
    {
        Root = root;
        _outbox = Directory.CreateDirectory(Path.Combine(root, "outbox")).FullName;
        _sent = Directory.CreateDirectory(Path.Combine(root, "sent")).FullName;
        _failed = Directory.CreateDirectory(Path.Combine(root, "failed")).FullName;
        foreach (var partial in Directory.EnumerateFiles(_outbox, "*.tmp"))
        {
            File.Delete(partial);
        }
    }

    /// <summary>The folder holding <c>outbox/</c>, <c>sent/</c> and <c>failed/</c>.</summary>
    public string Root { get; }

    /// <summary>Mails waiting to be sent.</summary>
    public int Pending => Directory.EnumerateFiles(_outbox, "*.eml").Count();

    /// <summary>Mails the server refused for good, kept in <c>failed/</c> until someone removes them.</summary>
    public int Failed => Directory.EnumerateFiles(_failed, "*.eml").Count();

    /// <summary>The file name a notice key and recipient give; also the stem of the message's Message-ID.</summary>
    public static string NameOf(string key, string recipient) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{recipient.ToLowerInvariant()}")))[..32];

    /// <summary>True when a mail of this name was queued, sent or refused already.</summary>
    public bool Knows(string name)
    {
        var file = name + ".eml";
        return File.Exists(Path.Combine(_outbox, file)) || File.Exists(Path.Combine(_sent, file)) || File.Exists(Path.Combine(_failed, file));
    }

    /// <summary>Queues the message durably under <paramref name="name"/>; false when that name is known already.</summary>
    public bool Add(string name, MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (Knows(name))
            {
                return false;
            }

            var target = Path.Combine(_outbox, name + ".eml");
            var temporary = target + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                message.WriteTo(file);
                file.Flush(flushToDisk: true);
            }

            // The rename is atomic: a crash leaves either no mail or a whole one.
            File.Move(temporary, target);
            return true;
        }
    }

    /// <summary>The mails waiting, oldest first.</summary>
    public IReadOnlyList<OutboxMail> Waiting() =>
        [.. new DirectoryInfo(_outbox).EnumerateFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new OutboxMail(f.FullName, Path.GetFileNameWithoutExtension(f.Name)))];

    /// <summary>The server took it.</summary>
    public void MarkSent(OutboxMail mail)
    {
        lock (_gate)
        {
            File.Move(mail.Path, Path.Combine(_sent, mail.Name + ".eml"), overwrite: true);
        }
    }

    /// <summary>The server refused it for good: kept in <c>failed/</c> with why.</summary>
    public void MarkFailed(OutboxMail mail, string error)
    {
        lock (_gate)
        {
            File.WriteAllText(Path.Combine(_failed, mail.Name + ".txt"), error + Environment.NewLine);
            File.Move(mail.Path, Path.Combine(_failed, mail.Name + ".eml"), overwrite: true);
        }
    }

    /// <summary>Removes sent mails older than <paramref name="keep"/>.</summary>
    public void Prune(TimeSpan keep, DateTimeOffset now)
    {
        foreach (var file in new DirectoryInfo(_sent).EnumerateFiles("*.eml"))
        {
            if (now - file.LastWriteTimeUtc > keep)
            {
                file.Delete();
            }
        }
    }
}
