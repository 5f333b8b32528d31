using System.Text.Json;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Alerts;

/// <summary>One recorded alert transition.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Fingerprint">The alert.</param>
/// <param name="Rule">Its rule.</param>
/// <param name="State">The state it moved to.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Department">The unit where the alert happened (empty for alerts recorded before units were kept).</param>
/// <param name="Owner">The department that owns the alert.</param>
/// <param name="Actor">Who moved it (<c>system</c> for its condition).</param>
/// <param name="Note">Their note.</param>
/// <param name="Value">The value then.</param>
public sealed record AlertHistoryEntry(
    DateTimeOffset Time, string Fingerprint, string Rule, string State, string Severity, string Department, string Owner, string Actor, string? Note, double? Value)
{
    /// <summary>Rows of an <c>alert_history</c> query.</summary>
    public static IEnumerable<AlertHistoryEntry> From(InfluxSeries series)
    {
        string? Text(IReadOnlyList<JsonElement> row, string column) =>
            series.ColumnIndex(column) is var i and >= 0 && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;

        foreach (var row in series.Values)
        {
            var value = series.ColumnIndex("value") is var v and >= 0 && row[v].ValueKind == JsonValueKind.Number ? row[v].GetDouble() : (double?)null;
            yield return new AlertHistoryEntry(
                DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100),
                Text(row, "fingerprint") ?? "", Text(row, "rule") ?? "", Text(row, "state") ?? "", Text(row, "severity") ?? "",
                Text(row, "unit") ?? "", Text(row, "owner") ?? "", Text(row, "actor") ?? "", Text(row, "note") is { Length: > 0 } note ? note : null, value);
        }
    }
}
