using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Api;

/// <summary>One series of a history answer: its tags and its (time, value) points.</summary>
public sealed record HistorySeries(IReadOnlyDictionary<string, string> Tags, IReadOnlyList<HistoryPoint> Points)
{
    /// <summary>From an InfluxQL result whose columns are time (ns) and value.</summary>
    public static HistorySeries From(InfluxSeries series) => new(
        series.Tags,
        [.. series.Values.Select(row => new HistoryPoint(
            DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100),
            row[1].ValueKind == System.Text.Json.JsonValueKind.Number ? row[1].GetDouble() : null))]);
}

/// <summary>A value at a time; null where InfluxDB had none.</summary>
public sealed record HistoryPoint(DateTimeOffset Time, double? Value);
