namespace OperationsCenter.Grains.Storage;

/// <summary>
/// Keyed states grouped in tables, each write checked against the version it replaces, and each table readable
/// whole in one call (so the list of alerts is rebuilt from storage in one round trip).
/// </summary>
public interface IStateTable
{
    /// <summary>One state; null when there is none.</summary>
    Task<StoredState?> ReadAsync(string table, string key);

    /// <summary>
    /// Writes a state if the stored one still has <paramref name="expectedVersion"/> (null: none stored).
    /// Returns the new version, or the conflict with the version found.
    /// </summary>
    Task<StateWrite> WriteAsync(string table, string key, string? expectedVersion, byte[] data);

    /// <summary>Removes a state if it still has <paramref name="expectedVersion"/>; returns the write's outcome likewise.</summary>
    Task<StateWrite> DeleteAsync(string table, string key, string? expectedVersion);

    /// <summary>Every state of a table.</summary>
    Task<IReadOnlyList<StoredState>> ReadAllAsync(string table);
}
