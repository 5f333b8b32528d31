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
        if (PersonEntry.NameProblem(name) is { } nameProblem)
        {
            throw new CommandException($"--name: {nameProblem}");
        }

        if (email is not null && PersonEntry.EmailProblem(email) is { } emailProblem)
        {
            throw new CommandException($"--email {emailProblem}");
        }

        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            output.Write("Password: ");
        }

        var password = input.ReadLine();
        if (PersonEntry.PasswordProblem(password) is { } passwordProblem)
        {
            throw new CommandException($"{passwordProblem} (read from standard input)");
        }

        var (entry, problem) = PersonEntry.Create(name, displayName, [.. givenRoles], password, email);
        if (entry is null)
        {
            throw new CommandException(problem!);
        }

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
