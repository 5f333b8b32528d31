using System.CommandLine;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Commands;

/// <summary><c>users add --name N --role R</c>: the settings entry for a person, with a password hash only.</summary>
internal static class UsersCommand
{
    /// <summary>The <c>users</c> command and its <c>add</c>.</summary>
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var name = new Option<string>("--name") { Description = "the sign-in name", Required = true };
        var role = new Option<string[]>("--role") { Description = "a role (give --role again for another)", Required = true };
        role.Validators.Add(r =>
        {
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!Roles.IsValid(value))
                {
                    r.AddError($"--role '{value}' is not one of {string.Join(", ", Roles.All)} or department:<id> (the catalog's id, e.g. department:xa-muong-kim)");
                }
            }
        });
        var displayName = new Option<string?>("--display-name") { Description = "the name shown on screens" };
        var email = new Option<string?>("--email") { Description = "where a leader gets alert mail" };
        var json = new Option<bool>("--json") { Description = "print JSON, for scripts" };
        var add = new Command("add", "reads the password from standard input; prints the settings entry holding only its hash")
        {
            name, role, displayName, email, json,
        };
        add.SetAction(result => AdminCommand.Guarded(error, () => Add(
            result.GetValue(name)!, result.GetValue(role)!, result.GetValue(displayName), result.GetValue(email), result.GetValue(json), input, output)));
        return new Command("users", "people who sign in") { add };
    }

    /// <summary>Reads the password from <paramref name="input"/>, prints the entry; returns the exit code.</summary>
    private static int Add(string name, IReadOnlyList<string> givenRoles, string? displayName, string? email, bool asJson, TextReader input,
        TextWriter output)
    {
        if (name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace))
        {
            throw new CommandException("--name is the sign-in name: 1 to 100 characters, no spaces");
        }

        if (email is not null && (!MimeKit.MailboxAddress.TryParse(email, out var address) || !address.Address.Contains('@', StringComparison.Ordinal)))
        {
            throw new CommandException($"--email '{email}' is not a mail address, e.g. binh@laichau.gov.vn");
        }

        var roles = givenRoles.Distinct().ToList();

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
            DisplayName = displayName,
            PasswordHash = UserDirectory.HashPassword(password),
            Roles = roles,
            Email = email,
        };
        var json = CommandJson.Serialize(entry);
        if (asJson)
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
