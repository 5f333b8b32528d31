namespace OperationsCenter.Server.Notifications.Email;

/// <summary>Mail as <c>/health</c> shows it.</summary>
/// <param name="Enabled">A server is configured.</param>
/// <param name="Pending">Mails waiting in the outbox (kept across restarts).</param>
/// <param name="Sent">Mails the server took since start.</param>
/// <param name="Failed">Mails the server refused for good, kept in <c>email/failed</c>.</param>
/// <param name="FailedAttempts">Attempts that could not reach or talk to the server since start (each retried).</param>
/// <param name="Failing">The last attempt failed and mail waits: nothing can be sent right now.</param>
/// <param name="LastError">Why the last attempt failed (signed-in people only).</param>
/// <param name="LastErrorAt">When it failed.</param>
/// <param name="LastSentAt">When the server last took a mail.</param>
/// <param name="Folder">The outbox folder (signed-in people only).</param>
internal sealed record EmailStatus(
    bool Enabled, int Pending, long Sent, int Failed, long FailedAttempts, bool Failing, string? LastError, DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSentAt, string? Folder);
