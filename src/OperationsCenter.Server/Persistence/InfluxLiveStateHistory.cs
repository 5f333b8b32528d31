using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.Hosting;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Restores grains from InfluxDB: a series' newest row, a department's series list and newest point. The series
/// stored before this process started are listed once, so the many series born afterwards cost no query at all. In a
/// cluster a series born after this node started may have lived on a node that died: a key not in that list is looked
/// up in its department's stored series, listed at most every few seconds, so new series still cost no query each.
/// </summary>
internal sealed class InfluxLiveStateHistory(InfluxConnection influx, IConfiguration configuration) : ILiveStateHistory
{
    private static readonly TimeSpan DepartmentListingAge = TimeSpan.FromSeconds(5);
    private readonly bool _everySeriesBornHere = !ClusteringConfiguration.IsCluster(configuration);
    private readonly ConcurrentDictionary<string, DepartmentListing> _departments = new(StringComparer.Ordinal);
    private const int MaxSeriesPerDepartment = 10_000;
    private const int MaxKnownSeries = 1_000_000;
    private readonly Lazy<Task<HashSet<string>?>> _storedAtStart = new(() => ListStoredSeriesAsync(influx));

    /// <inheritdoc />
    public async Task<SeriesUpdate?> RestoreSeriesAsync(string seriesKey, CancellationToken cancellationToken)
    {
        var (measurement, tags) = SeriesKey.Parse(seriesKey);
        if (await _storedAtStart.Value.WaitAsync(cancellationToken) is { } stored && !stored.Contains(seriesKey)
            && (_everySeriesBornHere || !await StoredInDepartmentAsync(seriesKey, tags, cancellationToken)))
        {
            return null;
        }

        var where = string.Join(" AND ", tags.Select(t => $"{InfluxQl.Identifier(t.Key)} = {InfluxQl.StringLiteral(t.Value)}"));
        var rows = await influx.Queries.QueryAsync(
            $"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE {where} ORDER BY time DESC LIMIT 1", cancellationToken);
        if (rows is not [var series, ..] || series.Values is not [var row, ..])
        {
            return null;
        }

        var time = DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100);
        var tagNames = tags.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var fields = ImmutableArray.CreateBuilder<FieldLatest>();
        for (var i = 1; i < series.Columns.Count; i++)
        {
            if (!tagNames.Contains(series.Columns[i]) && Number(row[i]) is { } value)
            {
                fields.Add(new FieldLatest(series.Columns[i], value, time));
            }
        }

        var tagMap = tags.ToImmutableDictionary(StringComparer.Ordinal);
        return new SeriesUpdate(seriesKey, measurement, tagMap.GetValueOrDefault("department", ""), tagMap, fields.ToImmutable(), time);
    }

    /// <inheritdoc />
    public async Task<DepartmentRestore> RestoreDepartmentAsync(string department, CancellationToken cancellationToken)
    {
        var literal = InfluxQl.StringLiteral(department);
        var keys = await influx.Queries.QueryAsync(
            $"SHOW SERIES WHERE \"department\" = {literal} LIMIT {MaxSeriesPerDepartment}", cancellationToken);
        var latest = await influx.Queries.QueryAsync(
            $"SELECT * FROM /.*/ WHERE \"department\" = {literal} ORDER BY time DESC LIMIT 1", cancellationToken);
        var lastSeen = latest
            .Where(s => s.Values.Count > 0)
            .Select(s => (DateTimeOffset?)DateTimeOffset.UnixEpoch.AddTicks(s.Values[0][0].GetInt64() / 100))
            .Max();
        return new DepartmentRestore(
            [.. keys.SelectMany(s => s.Values).Select(v => v[0].GetString()!)],
            lastSeen);
    }

    /// <summary>Whether the key is among its department's stored series, as listed in the last few seconds.</summary>
    private async Task<bool> StoredInDepartmentAsync(string seriesKey, IEnumerable<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        var department = tags.FirstOrDefault(t => t.Key == "department").Value ?? "";
        var now = DateTimeOffset.UtcNow;
        var listing = _departments.AddOrUpdate(department,
            _ => new DepartmentListing(now, ListDepartmentAsync(influx, department)),
            (_, old) => now - old.At > DepartmentListingAge ? new DepartmentListing(now, ListDepartmentAsync(influx, department)) : old);
        return await listing.Keys.WaitAsync(cancellationToken) is not { } keys || keys.Contains(seriesKey);
    }

    /// <summary>A department's stored series keys, or null (query the series itself) when InfluxDB cannot say now.</summary>
    private static async Task<HashSet<string>?> ListDepartmentAsync(InfluxConnection influx, string department)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var series = await influx.Queries.QueryAsync(
                $"SHOW SERIES WHERE \"department\" = {InfluxQl.StringLiteral(department)} LIMIT {MaxKnownSeries}", timeout.Token);
            return series.SelectMany(s => s.Values).Select(v => v[0].GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Every stored series key, or null (query each series instead) when InfluxDB cannot say now.</summary>
    private static async Task<HashSet<string>?> ListStoredSeriesAsync(InfluxConnection influx)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var series = await influx.Queries.QueryAsync($"SHOW SERIES LIMIT {MaxKnownSeries}", timeout.Token);
            var keys = series.SelectMany(s => s.Values).Select(v => v[0].GetString()!).ToHashSet(StringComparer.Ordinal);
            return keys.Count < MaxKnownSeries ? keys : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private sealed record DepartmentListing(DateTimeOffset At, Task<HashSet<string>?> Keys);

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}
