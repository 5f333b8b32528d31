namespace OperationsCenter.Grains.Storage;

/// <summary>One stored state: its key, its version (an opaque tag, new on every write) and its bytes.</summary>
public sealed record StoredState(string Key, string Version, byte[] Data);
