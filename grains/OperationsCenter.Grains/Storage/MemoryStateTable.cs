namespace OperationsCenter.Grains.Storage;

/// <summary>States in this process's memory: for throwaway runs and tests; gone with the process.</summary>
public sealed class MemoryStateTable : IStateTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, StoredState>> _tables = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(string table, string key)
    {
        lock (_gate)
        {
            return Task.FromResult(_tables.GetValueOrDefault(table)?.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<StateWrite> WriteAsync(string table, string key, string? expectedVersion, byte[] data) =>
        Task.FromResult(Change(table, key, expectedVersion, data));

    /// <inheritdoc />
    public Task<StateWrite> DeleteAsync(string table, string key, string? expectedVersion) =>
        Task.FromResult(Change(table, key, expectedVersion, null));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredState>> ReadAllAsync(string table)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredState>>(_tables.TryGetValue(table, out var states) ? [.. states.Values] : []);
        }
    }

    private StateWrite Change(string table, string key, string? expectedVersion, byte[]? data)
    {
        lock (_gate)
        {
            if (!_tables.TryGetValue(table, out var states))
            {
                _tables[table] = states = new(StringComparer.Ordinal);
            }

            var current = states.GetValueOrDefault(key)?.Version;
            if (current != expectedVersion)
            {
                return new StateWrite(false, current);
            }

            if (data is null)
            {
                states.Remove(key);
                return new StateWrite(true, null);
            }

            var version = StateVersion.New();
            states[key] = new StoredState(key, version, data);
            return new StateWrite(true, version);
        }
    }
}
