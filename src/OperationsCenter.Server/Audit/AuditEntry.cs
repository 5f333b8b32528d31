using System.Text.Json;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Audit;

/// <summary>One recorded change: when, what, by whom, on what.</summary>
public sealed record AuditEntry(DateTimeOffset Time, string Action, string Actor, string Target, string? Detail)
{
    /// <summary>Rows of an <c>audit</c> query.</summary>
    public static IEnumerable<AuditEntry> From(InfluxSeries series)
    {
        string? Text(IReadOnlyList<JsonElement> row, string column) =>
            series.ColumnIndex(column) is var i and >= 0 && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;

        foreach (var row in series.Values)
        {
            yield return new AuditEntry(
                DateTimeOffset.UnixEpoch.AddTicks(row[0].GetInt64() / 100),
                Text(row, "action") ?? "", Text(row, "actor") ?? "", Text(row, "target") ?? "", Text(row, "detail") is { Length: > 0 } d ? d : null);
        }
    }
}
