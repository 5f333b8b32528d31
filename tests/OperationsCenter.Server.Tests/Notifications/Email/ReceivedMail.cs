using MimeKit;

namespace OperationsCenter.Server.Tests.Notifications.Email;

/// <summary>A mail the test's SMTP server took: the message, who it was addressed to and how the session was held.</summary>
/// <param name="Message">The parsed message.</param>
/// <param name="Recipients">RCPT TO addresses.</param>
/// <param name="Secure">The session had been upgraded with STARTTLS before the mail was sent.</param>
/// <param name="User">The name the client signed in with, or null.</param>
internal sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> Recipients, bool Secure, string? User)
{
    /// <summary>The plain-text body.</summary>
    public string Text => Message.TextBody ?? "";
}
