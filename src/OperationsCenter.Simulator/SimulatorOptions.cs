using System.Globalization;

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
    /// <summary>
    /// Parses <c>--url --catalog --interval --rate --series --duration --seed --incident-every --incident-length</c>
    /// (times in seconds).
    /// </summary>
    public static SimulatorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        TimeSpan Seconds(string name, string fallback) => TimeSpan.FromSeconds(double.Parse(Value(name, fallback), CultureInfo.InvariantCulture));

        var duration = Value("--duration", "");
        return new SimulatorOptions(
            new Uri(Value("--url", "http://127.0.0.1:5080")),
            Value("--catalog", Path.Combine(AppContext.BaseDirectory, "catalog", "laichau.yaml")),
            Seconds("--interval", "2"),
            int.Parse(Value("--rate", "0"), CultureInfo.InvariantCulture),
            int.Parse(Value("--series", "1000"), CultureInfo.InvariantCulture),
            duration.Length > 0 ? Seconds("--duration", duration) : null,
            int.Parse(Value("--seed", "20251101"), CultureInfo.InvariantCulture),
            Seconds("--incident-every", "90"),
            Seconds("--incident-length", "180"));
    }
}
