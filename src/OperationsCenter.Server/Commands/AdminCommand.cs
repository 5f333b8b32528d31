using System.CommandLine;

namespace OperationsCenter.Server.Commands;

/// <summary>
/// The server binary's administrative commands (<c>keys add</c>, <c>users add</c>, <c>drain</c>) and its <c>--help</c>,
/// run instead of the server when the first argument names one. <c>keys</c> and <c>users</c> print configuration
/// entries and never write configuration; <c>drain</c> ships a stopped node's spool to InfluxDB.
/// A mistyped command or option is an error with the usage, never a silent default.
/// </summary>
public static class AdminCommand
{
    private static readonly string[] Words = ["keys", "users", "drain", "help", "--help", "-h", "-?", "--version"];

    /// <summary>Runs the command <paramref name="args"/> name and returns its exit code; null when they name none.</summary>
    /// <remarks>Anything else starts the server, which takes ASP.NET Core's own arguments (<c>--urls</c>, <c>--Key=value</c>).</remarks>
    public static int? TryRun(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || !Words.Contains(args[0]))
        {
            return null;
        }

        var root = new RootCommand("""
            OperationsCenter.Server: without a command it starts the center, configured by appsettings.json, the settings
            file (OperationsCenter:SettingsFile), environment variables (OperationsCenter__Ingest__MaxBodyBytes=...) and
            --Key=value arguments; see the README. The commands print configuration entries for an administrator to add.
            """)
        {
            KeysCommand.Create(output, error),
            UsersCommand.Create(input, output, error),
            DrainCommand.Create(output, error),
        };
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args[0] == "help" ? ["--help"] : args).Invoke(invocation);
    }

    /// <summary>Runs a command's body: a <see cref="CommandException"/> is printed with what to fix, exit code 2.</summary>
    internal static int Guarded(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CommandException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
    }
}
