using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Commands;

/// <summary><c>keys add --department ID</c>: a new random key, shown once, and its settings entry (hash only).</summary>
internal static partial class KeysCommand
{
    /// <summary>Prints the key and the entry; returns the exit code.</summary>
    public static int Add(CommandOptions options, TextWriter output)
    {
        var department = options.Required("--department");
        if (!DepartmentId().IsMatch(department))
        {
            throw new CommandException($"department '{department}' is not an id: use lower-case ASCII letters, digits and '-' (at most 64), as in the catalog");
        }

        // 256 random bits; the prefix lets secret scanners and people recognise a leaked key.
        var key = "oc_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = DepartmentKeyResolver.Hash(key);
        var entryName = $"{department}-{hash[..8]}";
        var entry = new DepartmentKey { Department = department, Sha256 = hash };
        if (options.Has("--json"))
        {
            output.WriteLine(CommandJson.Serialize(new { key, entryName, entry }));
            return 0;
        }

        output.WriteLine($"""
            New key for department {department}. It is shown only now and cannot be recovered: give it to the department's agent.

              {key}

            Add this entry to the settings file (OperationsCenter:SettingsFile, or appsettings.json), inside
            "OperationsCenter": {"{"} "DepartmentKeys": {"{"} ... {"}"} {"}"}:

              "{entryName}": {CommandJson.Serialize(entry)}

            or as environment variables:

              OperationsCenter__DepartmentKeys__{entryName}__Department={department}
              OperationsCenter__DepartmentKeys__{entryName}__Sha256={hash}

            To revoke the key, remove the entry: the center follows the settings file without a restart.
            """);
        return 0;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex DepartmentId();
}
