using System.CommandLine;

namespace OperationsCenter.Simulator;

/// <summary>Command-line options of the feed simulator.</summary>
/// <param name="Url">The center's base address.</param>
/// <param name="CatalogFile">The catalog whose units and metrics are simulated.</param>
/// <param name="Interval">How often each unit reports in demo mode.</param>
/// <param name="Rate">Points per second in load mode; 0 for the demo feed.</param>
/// <param name="Series">Distinct series in load mode.</param>
/// <param name="Duration">How long to run; null for until Ctrl-C.</param>
/// <param name="Seed">Seed of the demo's randomness: the same seed gives the same province.</param>
/// <param name="IncidentEvery">Mean time between incidents in demo mode; zero for none.</param>
/// <param name="IncidentLength">Mean length of an incident.</param>
internal sealed record SimulatorOptions(
    Uri Url, string CatalogFile, TimeSpan Interval, int Rate, int Series, TimeSpan? Duration, int Seed, TimeSpan IncidentEvery, TimeSpan IncidentLength)
{
    private static readonly Option<Uri> UrlOption = new("--url")
    {
        Description = "the center's base address",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }

            result.AddError($"--url '{result.Tokens[0].Value}' is not an http:// or https:// address");
            return null;
        },
    };
    private static readonly Option<string> CatalogOption = new("--catalog")
    {
        Description = "the catalog whose units and metrics are simulated",
        DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "catalog", "laichau.yaml"),
    };

    private static readonly Option<double> IntervalOption = Seconds("--interval", "seconds between a unit's reports (demo feed)", 2);
    private static readonly Option<int> RateOption = Count("--rate", "points per second: the load feed; 0 for the demo feed", 0);
    private static readonly Option<int> SeriesOption = Count("--series", "distinct series of the load feed", 1000);
    private static readonly Option<double?> DurationOption = new("--duration") { Description = "seconds to run; until Ctrl-C without it" };
    private static readonly Option<int> SeedOption = new("--seed") { Description = "the demo's seed: the same seed gives the same province", DefaultValueFactory = _ => 20251101 };
    private static readonly Option<double> IncidentEveryOption = Seconds("--incident-every", "mean seconds between incidents (demo feed); 0 for none", 90);
    private static readonly Option<double> IncidentLengthOption = Seconds("--incident-length", "mean seconds an incident lasts", 180);

    /// <summary>The simulator's command line; a mistyped or unknown option is an error with the usage.</summary>
    public static RootCommand Command() => new("The Lai Châu demo feed (default) or a load feed (--rate) for OperationsCenter")
    {
        UrlOption, CatalogOption, IntervalOption, RateOption, SeriesOption, DurationOption, SeedOption, IncidentEveryOption, IncidentLengthOption,
    };

    /// <summary>The options of a parsed command line.</summary>
    public static SimulatorOptions From(ParseResult result) => new(
        result.GetValue(UrlOption)!,
        result.GetValue(CatalogOption)!,
        TimeSpan.FromSeconds(result.GetValue(IntervalOption)),
        result.GetValue(RateOption),
        result.GetValue(SeriesOption),
        result.GetValue(DurationOption) is { } duration ? TimeSpan.FromSeconds(duration) : null,
        result.GetValue(SeedOption),
        TimeSpan.FromSeconds(result.GetValue(IncidentEveryOption)),
        TimeSpan.FromSeconds(result.GetValue(IncidentLengthOption)));

    /// <summary>Parses <paramref name="args"/>; throws with every problem when they are not a valid command line.</summary>
    public static SimulatorOptions Parse(string[] args)
    {
        var result = Command().Parse(args);
        return result.Errors.Count == 0
            ? From(result)
            : throw new ArgumentException(string.Join("; ", result.Errors.Select(e => e.Message)), nameof(args));
    }

    private static Option<double> Seconds(string name, string description, double fallback)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(r => RefuseNegative(r, name));
        return option;
    }

    private static Option<int> Count(string name, string description, int fallback)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(r => RefuseNegative(r, name));
        return option;
    }

    /// <summary>A negative count or time is an error (one that is not a number at all is the parser's).</summary>
    private static void RefuseNegative(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.Tokens is [.., var last] && double.TryParse(last.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value < 0)
        {
            result.AddError($"{name} cannot be negative");
        }
    }
}
