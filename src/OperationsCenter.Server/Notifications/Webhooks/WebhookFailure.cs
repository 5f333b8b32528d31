namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>A notification a receiver never accepted, after every attempt.</summary>
/// <param name="Receiver">The receiver's name.</param>
/// <param name="Fingerprint">The alert.</param>
/// <param name="Status">"firing" or "resolved", as sent.</param>
/// <param name="HttpStatus">The last HTTP status answered, or null when no answer came (network error, timeout).</param>
/// <param name="Error">What went wrong on the last attempt.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="At">When it was given up.</param>
internal sealed record WebhookFailure(
    string Receiver,
    string Fingerprint,
    string Status,
    int? HttpStatus,
    string Error,
    int Attempts,
    DateTimeOffset At);
