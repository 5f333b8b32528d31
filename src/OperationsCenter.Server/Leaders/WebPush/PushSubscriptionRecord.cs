namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>One browser's push subscription, kept for the person who made it.</summary>
/// <param name="User">The sign-in name of the person.</param>
/// <param name="Endpoint">The push service's URL for that browser.</param>
/// <param name="P256dh">The browser's P-256 public key, base64url.</param>
/// <param name="Auth">The browser's 16-byte auth secret, base64url.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="PasswordSignIn">True when the person signed in with a configured password (not a provider): such a
/// person's configuration entry says, at each push, whether they are still a leader.</param>
public sealed record PushSubscriptionRecord(string User, string Endpoint, string P256dh, string Auth, DateTimeOffset CreatedAt, bool PasswordSignIn = false);
