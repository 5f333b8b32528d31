namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>The keys of a browser's push subscription.</summary>
/// <param name="P256dh">Its P-256 public key, base64url.</param>
/// <param name="Auth">Its auth secret, base64url.</param>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);
