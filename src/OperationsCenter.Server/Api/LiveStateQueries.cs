using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Overview;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Api;

/// <summary>Reads live state from the grains for the API and the hub's snapshot.</summary>
internal sealed class LiveStateQueries(IGrainFactory grains)
{
    /// <summary>Every department's status.</summary>
    public Task<OverviewSnapshot> OverviewAsync() => grains.GetGrain<IOverviewGrain>(0).GetSnapshot();

    /// <summary>Series of one department, or of all, optionally of one measurement, ordered by key.</summary>
    public async Task<IReadOnlyList<SeriesSnapshot>> SeriesAsync(string? measurement, string? department)
    {
        IEnumerable<string> departments = department is { Length: > 0 }
            ? [department]
            : (await OverviewAsync()).Departments.Select(d => d.Id);
        var keys = await Task.WhenAll(departments.Select(d => grains.GetGrain<IDepartmentGrain>(d).GetSeriesKeys()));
        var snapshots = await Task.WhenAll(keys.SelectMany(k => k).Select(k => grains.GetGrain<ISeriesGrain>(k).GetSnapshot()));
        return [.. snapshots
            .OfType<SeriesSnapshot>()
            .Where(s => measurement is not { Length: > 0 } || s.Measurement == measurement)
            .OrderBy(s => s.Key, StringComparer.Ordinal)];
    }
}
