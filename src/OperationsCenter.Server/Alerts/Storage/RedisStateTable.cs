using System.Text;
using OperationsCenter.Grains.Storage;
using StackExchange.Redis;

namespace OperationsCenter.Server.Alerts.Storage;

/// <summary>
/// Tables as Redis hashes (<c>operationscenter:{service}:{table}</c>), a field per key holding the version's 16
/// characters followed by the state. Checked writes run as one Lua script, so the check and the write are atomic.
/// </summary>
internal sealed class RedisStateTable(AlertRedis redis, string prefix) : IStateTable
{
    // KEYS[1] hash; ARGV: field, expected version ('' for none), new version ('' to delete), data.
    private const string CheckedWrite = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        local version = ''
        if current then version = string.sub(current, 1, 16) end
        if version ~= ARGV[2] then return {0, version} end
        if ARGV[3] == '' then
          redis.call('HDEL', KEYS[1], ARGV[1])
        else
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3] .. ARGV[4])
        end
        return {1, ARGV[3]}
        """;

    /// <inheritdoc />
    public async Task<StoredState?> ReadAsync(string table, string key)
    {
        var value = await (await DatabaseAsync()).HashGetAsync(Hash(table), key);
        return value.IsNull ? null : Parse(key, (byte[])value!);
    }

    /// <inheritdoc />
    public Task<StateWrite> WriteAsync(string table, string key, string? expectedVersion, byte[] data) =>
        ChangeAsync(table, key, expectedVersion, StateVersion.New(), data);

    /// <inheritdoc />
    public Task<StateWrite> DeleteAsync(string table, string key, string? expectedVersion) =>
        ChangeAsync(table, key, expectedVersion, "", []);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredState>> ReadAllAsync(string table)
    {
        var entries = await (await DatabaseAsync()).HashGetAllAsync(Hash(table));
        return [.. entries.Select(e => Parse(e.Name!, (byte[])e.Value!))];
    }

    private async Task<StateWrite> ChangeAsync(string table, string key, string? expectedVersion, string version, byte[] data)
    {
        var result = (RedisResult[])(await (await DatabaseAsync()).ScriptEvaluateAsync(
            CheckedWrite, [Hash(table)], [key, expectedVersion ?? "", version, data]))!;
        var found = (string?)result[1];
        return new StateWrite((int)result[0] == 1, found is { Length: > 0 } ? found : null);
    }

    private async Task<IDatabase> DatabaseAsync() => (await redis.ConnectionAsync()).GetDatabase();

    private RedisKey Hash(string table) => $"{prefix}:{table}";

    private static StoredState Parse(string key, byte[] value) =>
        new(key, Encoding.ASCII.GetString(value, 0, StateVersion.Length), value[StateVersion.Length..]);
}
