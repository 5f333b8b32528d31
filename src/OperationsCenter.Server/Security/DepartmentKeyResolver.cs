using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary>
/// Maps a presented key to its department by hashing it and looking the hash up. The table follows
/// configuration reloads, so removing an entry revokes its key without a restart.
/// </summary>
public sealed class DepartmentKeyResolver
{
    private FrozenDictionary<string, string> _byHash;

    /// <summary>Builds the table and subscribes to configuration changes.</summary>
    public DepartmentKeyResolver(IOptionsMonitor<DepartmentKeyOptions> options)
    {
        _byHash = Build(options.CurrentValue);
        options.OnChange(o => _byHash = Build(o));
    }

    /// <summary>The department the key writes for; false for an unknown key.</summary>
    public bool TryResolve(string? key, out string department)
    {
        department = "";
        if (string.IsNullOrEmpty(key) || key.Length > 512)
        {
            return false;
        }

        return _byHash.TryGetValue(Hash(key), out department!);
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as configuration holds it.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static FrozenDictionary<string, string> Build(DepartmentKeyOptions options) =>
        options.DepartmentKeys
            .Where(k => k.Sha256.Length == 64 && k.Department.Length > 0)
            .GroupBy(k => k.Sha256.ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => g.First().Department, StringComparer.Ordinal);
}
