using System.Globalization;
using System.Text.Json;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Departments;

/// <summary>Reads one department's page: live state, its feed log, its open alerts, and its points per day from InfluxDB.</summary>
internal sealed class DepartmentQueries(
    IGrainFactory grains, LiveStateQueries liveState, AlertQueries alerts, DepartmentFeedLog feedLog, ConfiguredCatalog configured,
    InfluxConnection influx, TimeProvider clock)
{
    /// <summary>The province's time zone: days start at its midnight.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Everything the page shows but the chart.</summary>
    public async Task<DepartmentPage> PageAsync(string id)
    {
        var status = grains.GetGrain<IDepartmentGrain>(id).GetStatus();
        var series = liveState.SeriesAsync(null, id);
        var open = alerts.ListAsync(department: id);
        var name = configured.Catalog?.Departments.FirstOrDefault(d => d.Id == id)?.Name ?? (await status).Name;
        var groups = configured.Catalog?.Metrics.GroupBy(m => m.Measurement).Select(g => new MetricGroup(g.Key, [.. g])).ToList() ?? [];
        return new DepartmentPage(id, name, await status, feedLog.LastReceived(id), await series, feedLog.Refused(id),
            [.. (await open).Where(a => a.State != AlertState.Resolved)], groups);
    }

    /// <summary>
    /// Points stored per day over the last <paramref name="days"/> days (today included), zeros for silent days. A point
    /// of several fields counts once: per measurement and day, its most counted field.
    /// </summary>
    public async Task<IReadOnlyList<DayCount>> PointsPerDayAsync(string id, int days, CancellationToken ct)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).Date;
        var start = new DateTimeOffset(today.AddDays(1 - days), Zone.GetUtcOffset(today));
        var query = string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM /.*/ WHERE \"department\" = {InfluxQl.StringLiteral(id)} AND time >= {(start - DateTimeOffset.UnixEpoch).Ticks * 100} " +
            $"GROUP BY time(1d) fill(0) tz('Asia/Ho_Chi_Minh')");
        var counts = new Dictionary<DateTime, long>();
        foreach (var series in await influx.QueryAsync(query, ct))
        {
            if (ReservedMeasurements.ApiFor(series.Name) is not null)
            {
                continue;
            }

            foreach (var row in series.Values)
            {
                var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100), Zone).Date;
                var most = row.Skip(1).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt64()).DefaultIfEmpty(0).Max();
                counts[day] = counts.GetValueOrDefault(day) + most;
            }
        }

        return [.. Enumerable.Range(0, days).Select(i => today.AddDays(1 - days + i))
            .Select(d => new DayCount(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d)))];
    }
}
