using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Series;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Restores grains from InfluxDB: a department's series with their newest row, and its series list and newest point.
/// A department's partitions activate together; they share one query, kept a few seconds.
/// </summary>
internal sealed class InfluxLiveStateHistory(InfluxConnection influx) : ILiveStateHistory
{
    private static readonly TimeSpan Shared = TimeSpan.FromSeconds(5);
    private const int MaxSeriesPerDepartment = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<ImmutableArray<SeriesUpdate>>>> _restoring = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ImmutableArray<SeriesUpdate>> RestoreSeriesAsync(string department, CancellationToken cancellationToken)
    {
        var restoring = _restoring.GetOrAdd(department, d => new(() => ReadSeriesAsync(d)));
        return restoring.Value.WaitAsync(cancellationToken);
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

    /// <summary>The newest row of every series of the department, grouped by every tag: one query.</summary>
    private async Task<ImmutableArray<SeriesUpdate>> ReadSeriesAsync(string department)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var rows = await influx.Queries.QueryAsync(
                $"SELECT * FROM /.*/ WHERE \"department\" = {InfluxQl.StringLiteral(department)} GROUP BY * ORDER BY time DESC LIMIT 1", timeout.Token);
            return [.. rows.Select(Update).OfType<SeriesUpdate>()];
        }
        finally
        {
            // Kept only while the department's partitions activate; a later activation reads what is stored then.
            _ = Task.Delay(Shared).ContinueWith(_ => _restoring.TryRemove(department, out var _), TaskScheduler.Default);
        }
    }

    private static SeriesUpdate? Update(InfluxSeries series)
    {
        if (series.Values is not [var row, ..])
        {
            return null;
        }

        // A tag the series does not carry comes back empty (InfluxDB has no empty tag values).
        var tags = series.Tags.Where(t => t.Value.Length > 0).ToImmutableDictionary(StringComparer.Ordinal);
        var time = DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100);
        var fields = ImmutableArray.CreateBuilder<FieldLatest>();
        for (var i = 1; i < series.Columns.Count; i++)
        {
            if (Number(row[i]) is { } value)
            {
                fields.Add(new FieldLatest(series.Columns[i], value, time));
            }
        }

        var key = LineProtocolWriter.SeriesKey(series.Name, tags);
        return new SeriesUpdate(key, series.Name, tags.GetValueOrDefault(SeriesName.DepartmentTag, ""), tags, fields.ToImmutable(), time);
    }

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}
