using OperationsCenter.Catalog;
using OperationsCenter.Simulator.Province;

namespace OperationsCenter.Simulator;

/// <summary>Runs the demo feed, or the load feed with <c>--rate</c>, until Ctrl-C or <c>--duration</c>.</summary>
internal static class FeedRun
{
    /// <summary>Runs with <paramref name="options"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(SimulatorOptions options)
    {
        var catalog = CatalogReader.Load(options.CatalogFile);
        var departments = catalog.Departments.Select(d => d.Id).ToList();

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        if (options.Duration is { } duration)
        {
            cts.CancelAfter(duration);
        }

        using var http = new HttpClient { BaseAddress = options.Url };
        var sender = new FeedSender(http, Console.Error);
        try
        {
            if (options.Rate > 0)
            {
                Console.WriteLine($"Load feed: {options.Rate} points/s over {options.Series} series to {options.Url}");
                await new LoadFeed(sender, departments, options.Rate, options.Series, progress: Console.Out).RunAsync(cts.Token);
            }
            else
            {
                Console.WriteLine($"Demo feed: {departments.Count} units of {catalog.Province.Name.Vi} every {options.Interval.TotalSeconds} s to {options.Url}; " +
                                  (options.IncidentEvery > TimeSpan.Zero ? $"an incident about every {options.IncidentEvery.TotalSeconds} s" : "no incidents"));
                var names = catalog.Departments.ToDictionary(d => d.Id, d => d.Name);
                var incidents = new IncidentSchedule(catalog.Departments, options.IncidentEvery, options.IncidentLength, options.Interval, options.Seed);
                incidents.Started += i => Console.WriteLine(
                    $"incident: {i.Kind} at {names[i.Department]} ({i.Department}) for {(i.EndRound - i.StartRound) * options.Interval.TotalSeconds:F0} s");
                var province = new ProvinceModel(catalog, options.Seed, DateTimeOffset.UtcNow);
                await new DemoFeed(sender, province, incidents, TimeProvider.System, options.Interval).RunAsync(cts.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
