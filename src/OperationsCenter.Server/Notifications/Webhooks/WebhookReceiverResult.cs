namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>How sending one alert to one receiver went.</summary>
/// <param name="Receiver">The receiver's name.</param>
/// <param name="Delivered">Whether the receiver answered 2xx.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="HttpStatus">The last HTTP status answered, or null when none came.</param>
/// <param name="Error">Why it failed, when it did.</param>
internal sealed record WebhookReceiverResult(string Receiver, bool Delivered, int Attempts, int? HttpStatus, string? Error);
