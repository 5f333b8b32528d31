namespace OperationsCenter.Server.Commands;

/// <summary><c>--name value</c> pairs (repeatable) and <c>--flag</c> switches.</summary>
public sealed class CommandOptions
{
    private static readonly HashSet<string> Switches = ["--json"];
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    /// <summary>Reads the options after the command's two words.</summary>
    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandException($"unexpected '{name}': options are written --name value");
            }

            if (Switches.Contains(name))
            {
                options.Add(name, "true");
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new CommandException($"{name} needs a value");
            }

            options.Add(name, args[++i]);
        }

        return options;
    }

    /// <summary>The one value of a required option.</summary>
    public string Required(string name) =>
        All(name) switch
        {
            [var single] => single,
            [] => throw new CommandException($"{name} is required"),
            _ => throw new CommandException($"{name} is given more than once"),
        };

    /// <summary>The value of an optional option.</summary>
    public string? Optional(string name) => All(name).LastOrDefault();

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>True when a switch is present.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    private void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            _values[name] = values = [];
        }

        values.Add(value);
    }
}
