namespace OperationsCenter.Server.Notifications.Email;

/// <summary>One mail waiting in the outbox: its file (a whole RFC 5322 message) and its name (the notice's key).</summary>
/// <param name="Path">The <c>.eml</c> file.</param>
/// <param name="Name">The file name: the hash of the notice's key and the recipient.</param>
internal sealed record OutboxMail(string Path, string Name);
