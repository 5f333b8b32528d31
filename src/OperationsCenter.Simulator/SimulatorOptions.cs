namespace OperationsCenter.Simulator;

/// <summary>Command-line options of the feed simulator.</summary>
/// <param name="Url">The center's base address.</param>
/// <param name="DepartmentsFile">A settings file whose <c>OperationsCenter:Departments</c> lists the units to simulate.</param>
/// <param name="Interval">How often each unit reports in demo mode.</param>
/// <param name="Rate">Points per second in load mode; 0 for the demo feed.</param>
/// <param name="Series">Distinct series in load mode.</param>
/// <param name="Duration">How long to run; null for until Ctrl-C.</param>
internal sealed record SimulatorOptions(Uri Url, string DepartmentsFile, TimeSpan Interval, int Rate, int Series, TimeSpan? Duration)
{
    /// <summary>Parses <c>--url --departments --interval --rate --series --duration</c>.</summary>
    public static SimulatorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var duration = Value("--duration", "");
        return new SimulatorOptions(
            new Uri(Value("--url", "http://127.0.0.1:5080")),
            Value("--departments", Path.Combine(AppContext.BaseDirectory, "appsettings.Demo.json")),
            TimeSpan.FromSeconds(double.Parse(Value("--interval", "2"), System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(Value("--rate", "0")),
            int.Parse(Value("--series", "1000")),
            duration.Length > 0 ? TimeSpan.FromSeconds(double.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)) : null);
    }
}
