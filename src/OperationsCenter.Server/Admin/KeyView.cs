namespace OperationsCenter.Server.Admin;

/// <summary>A department key in force, as <c>GET /api/v1/keys</c> lists it (never the key, its hash prefix only).</summary>
/// <param name="Department">The department it writes for.</param>
/// <param name="HashPrefix">The first 12 hex digits of the key's SHA-256.</param>
/// <param name="EntryName">Its entry's name in the settings file; null when it is configured elsewhere.</param>
/// <param name="Revocable">True when it lives in the settings file, so the admin screen can revoke it.</param>
public sealed record KeyView(string Department, string HashPrefix, string? EntryName, bool Revocable);
