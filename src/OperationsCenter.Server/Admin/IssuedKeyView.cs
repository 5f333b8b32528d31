namespace OperationsCenter.Server.Admin;

/// <summary>A key just issued: the key itself, shown this once, and the entry that holds its hash.</summary>
/// <param name="Key">The key; the center keeps only its hash, so it cannot be shown again.</param>
/// <param name="Department">The department it writes for.</param>
/// <param name="EntryName">Its entry's name in the settings file (what revoking names).</param>
/// <param name="HashPrefix">The first 12 hex digits of its SHA-256, as the key list shows it.</param>
public sealed record IssuedKeyView(string Key, string Department, string EntryName, string HashPrefix);
