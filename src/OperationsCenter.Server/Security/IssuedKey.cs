using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OperationsCenter.Server.Security;

/// <summary>
/// A new department key as the <c>keys add</c> command and the admin screen issue it: the key (shown once), its
/// settings entry holding only the hash, and the entry's name.
/// </summary>
/// <param name="Key">The key itself; never stored.</param>
/// <param name="EntryName">The entry's name under <c>OperationsCenter:DepartmentKeys</c>.</param>
/// <param name="Entry">The entry: the department and the key's SHA-256.</param>
public sealed partial record IssuedKey(string Key, string EntryName, DepartmentKey Entry)
{
    /// <summary>What a department id looks like, for error messages.</summary>
    public const string DepartmentIdRule = "lower-case ASCII letters, digits and '-' (at most 64), as in the catalog";

    /// <summary>A new 256-bit key for <paramref name="department"/>.</summary>
    public static IssuedKey For(string department)
    {
        // 256 random bits; the prefix lets secret scanners and people recognise a leaked key.
        var key = "oc_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = DepartmentKeyResolver.Hash(key);

        // A name of its own (letters, digits and '_', as shells allow in variable names), so an entry added by an
        // environment variable or a second file adds to the keys instead of replacing one.
        return new IssuedKey(key, $"{department.Replace('-', '_')}_{hash[..8]}", new DepartmentKey { Department = department, Sha256 = hash });
    }

    /// <summary>A new random secret with <paramref name="prefix"/>, URL-safe (scrape keys use it too).</summary>
    public static string NewSecret(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="department"/> is a department id.</summary>
    public static bool IsDepartmentId(string? department) => department is not null && DepartmentId().IsMatch(department);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex DepartmentId();
}
