using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Commands;

/// <summary><c>users add --name N --role R</c>: the settings entry for a person, with a password hash only.</summary>
internal static class UsersCommand
{
    /// <summary>Reads the password from <paramref name="input"/>, prints the entry; returns the exit code.</summary>
    public static int Add(CommandOptions options, TextReader input, TextWriter output)
    {
        var name = options.Required("--name");
        if (name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace))
        {
            throw new CommandException("--name is the sign-in name: 1 to 100 characters, no spaces");
        }

        var roles = options.All("--role").Select(r => r.ToLowerInvariant()).Distinct().ToList();
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            throw new CommandException($"--role must be given at least once, each one of: {string.Join(", ", Roles.All)}");
        }

        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            output.Write("Password: ");
        }

        var password = input.ReadLine();
        if (password is not { Length: >= 12 })
        {
            throw new CommandException("the password (read from standard input) must have at least 12 characters");
        }

        var entry = new UserAccount
        {
            Name = name,
            DisplayName = options.Optional("--display-name"),
            PasswordHash = UserDirectory.HashPassword(password),
            Roles = roles,
        };
        var json = CommandJson.Serialize(entry);
        if (options.Has("--json"))
        {
            output.WriteLine(CommandJson.Serialize(new { entryName = name, entry }));
            return 0;
        }

        output.WriteLine($"""

            Add this entry to the settings file (OperationsCenter:SettingsFile, or appsettings.json), inside
            "OperationsCenter": {"{"} "Auth": {"{"} "Users": {"{"} ... {"}"} {"}"} {"}"}:

              "{name}": {json}

            Remove it to take the sign-in away: open sessions and live connections end within seconds.
            """);
        return 0;
    }
}
