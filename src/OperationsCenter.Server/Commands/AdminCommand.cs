namespace OperationsCenter.Server.Commands;

/// <summary>
/// The server binary's administrative commands (<c>keys add</c>, <c>users add</c>), run instead of the server when the
/// first argument names one. They print configuration entries; they never write configuration themselves.
/// </summary>
public static class AdminCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage:
          OperationsCenter.Server keys add --department <id> [--json]
              issues a department key: prints the key once and the settings entry holding only its hash
          OperationsCenter.Server users add --name <name> --role <operator|leader|admin> [--role ...] [--display-name <text>] [--json]
              reads the password from standard input; prints the settings entry holding only its hash
        """;

    /// <summary>Runs the command <paramref name="args"/> name and returns its exit code; null when they name none.</summary>
    public static int? TryRun(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || (args[0] != "keys" && args[0] != "users"))
        {
            return null;
        }

        try
        {
            var options = CommandOptions.Parse(args[2..]);
            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("keys", "add") => KeysCommand.Add(options, output),
                ("users", "add") => UsersCommand.Add(options, input, output),
                _ => throw new CommandException($"unknown command '{string.Join(' ', args.Take(2))}'"),
            };
        }
        catch (CommandException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }
}
