using System.Text.Json;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>One series of an InfluxQL result, as <c>/query</c> returns it.</summary>
/// <param name="Name">The measurement (or e.g. <c>databases</c> for <c>SHOW DATABASES</c>); empty when absent.</param>
/// <param name="Tags">The group-by tags of this series; empty without <c>GROUP BY</c>.</param>
/// <param name="Columns">The column names; <c>time</c> first for data queries.</param>
/// <param name="Values">The rows; each holds one JSON value per column (null where a field is missing).</param>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<JsonElement>> Values)
{
    /// <summary>The position of a column, or -1.</summary>
    /// <param name="column">The column name, compared ordinally.</param>
    /// <returns>The index into each row.</returns>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
