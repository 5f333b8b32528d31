using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Overview;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Api;

/// <summary>Reads live state from the grains for the API and the hub's snapshot.</summary>
internal sealed class LiveStateQueries(IGrainFactory grains, IOptions<SeriesPartitions> partitions)
{
    /// <summary>Every department's status.</summary>
    public Task<OverviewSnapshot> OverviewAsync() => grains.GetGrain<IOverviewGrain>(0).GetSnapshot();

    /// <summary>Series of one department, or of all, optionally of one measurement, ordered by key: one call per partition.</summary>
    public async Task<IReadOnlyList<SeriesSnapshot>> SeriesAsync(string? measurement, string? department)
    {
        IEnumerable<string> departments = department is { Length: > 0 }
            ? [department]
            : (await OverviewAsync()).Departments.Select(d => d.Id);
        var snapshots = await Task.WhenAll(departments.SelectMany(d => partitions.Value.All(grains, d)).Select(p => p.GetSnapshots()));
        return [.. snapshots
            .SelectMany(s => s)
            .Where(s => measurement is not { Length: > 0 } || s.Measurement == measurement)
            .OrderBy(s => s.Key, StringComparer.Ordinal)];
    }
}
