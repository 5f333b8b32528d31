using System.Text.Json;
using OperationsCenter.Simulator;

var options = SimulatorOptions.Parse(args);
using var settings = JsonDocument.Parse(File.ReadAllText(options.DepartmentsFile));
var departments = settings.RootElement.GetProperty("OperationsCenter").GetProperty("Departments")
    .EnumerateArray().Select(d => d.GetProperty("Id").GetString()!).ToList();

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
if (options.Duration is { } duration)
{
    cts.CancelAfter(duration);
}

using var http = new HttpClient { BaseAddress = options.Url };
Console.WriteLine(options.Rate > 0
    ? $"Load feed: {options.Rate} points/s over {options.Series} series to {options.Url}"
    : $"Demo feed: {departments.Count} units every {options.Interval.TotalSeconds} s to {options.Url}");
try
{
    await (options.Rate > 0
        ? new LoadFeed(http, departments, options.Rate, options.Series).RunAsync(cts.Token)
        : new DemoFeed(http, departments, options.Interval).RunAsync(cts.Token));
}
catch (OperationCanceledException)
{
}
