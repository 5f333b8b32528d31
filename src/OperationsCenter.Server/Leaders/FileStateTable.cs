using System.Text.Json;
using OperationsCenter.Grains.Storage;

namespace OperationsCenter.Server.Leaders;

/// <summary>
/// Tables as JSON files in a folder (<c>{table}.json</c>, key to version and bytes), for small tables that must
/// outlive the process when alert storage is not Redis. Each change rewrites its file through a temporary file and a
/// rename, so a crash leaves the old or the new table, never half of one.
/// </summary>
internal sealed class FileStateTable(string folder) : IStateTable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<StoredState?> ReadAsync(string table, string key) =>
        (await ReadAllAsync(table)).FirstOrDefault(s => s.Key == key);

    /// <inheritdoc />
    public Task<StateWrite> WriteAsync(string table, string key, string? expectedVersion, byte[] data) =>
        ChangeAsync(table, key, expectedVersion, data);

    /// <inheritdoc />
    public Task<StateWrite> DeleteAsync(string table, string key, string? expectedVersion) =>
        ChangeAsync(table, key, expectedVersion, null);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredState>> ReadAllAsync(string table)
    {
        await _gate.WaitAsync();
        try
        {
            return [.. (await LoadAsync(table)).Values];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<StateWrite> ChangeAsync(string table, string key, string? expectedVersion, byte[]? data)
    {
        await _gate.WaitAsync();
        try
        {
            var states = await LoadAsync(table);
            var current = states.GetValueOrDefault(key)?.Version;
            if (current != expectedVersion)
            {
                return new StateWrite(false, current);
            }

            string? version = null;
            if (data is null)
            {
                states.Remove(key);
            }
            else
            {
                version = StateVersion.New();
                states[key] = new StoredState(key, version, data);
            }

            var path = PathOf(table);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, states.Values.ToList());
                await stream.FlushAsync();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return new StateWrite(true, version);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, StoredState>> LoadAsync(string table)
    {
        var path = PathOf(table);
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        await using var stream = File.OpenRead(path);
        var states = await JsonSerializer.DeserializeAsync<List<StoredState>>(stream) ?? [];
        return states.ToDictionary(s => s.Key, StringComparer.Ordinal);
    }

    private string PathOf(string table)
    {
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, table + ".json");
    }
}
