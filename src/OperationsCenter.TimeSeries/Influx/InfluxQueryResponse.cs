using System.Text.Json;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Reads InfluxQL's JSON answer: <c>{"results":[{"statement_id":0,"series":[…],"error":…}]}</c>.</summary>
internal static class InfluxQueryResponse
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>The series of the first result.</summary>
    /// <exception cref="InfluxQueryException">The answer or its first result carries an error, or is not InfluxQL JSON.</exception>
    public static async Task<IReadOnlyList<InfluxSeries>> ReadFirstResultAsync(Stream stream, CancellationToken ct)
    {
        JsonElement result;
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            var root = document.RootElement;
            ThrowOnError(root);
            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
            {
                return [];
            }

            // One clone of the whole result keeps every value element alive after the document is disposed.
            result = results[0].Clone();
        }
        catch (JsonException e)
        {
            throw new InfluxQueryException($"InfluxDB answered a query with something that is not InfluxQL JSON: {e.Message}", 200, e);
        }

        ThrowOnError(result);
        if (!result.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<InfluxSeries>(series.GetArrayLength());
        foreach (var item in series.EnumerateArray())
        {
            list.Add(ReadSeries(item));
        }

        return list;
    }

    private static void ThrowOnError(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            throw new InfluxQueryException(error.GetString() ?? "error", 200);
        }
    }

    private static InfluxSeries ReadSeries(JsonElement item)
    {
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";

        var tags = NoTags;
        if (item.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in t.EnumerateObject())
            {
                dictionary[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? "" : tag.Value.GetRawText();
            }

            tags = dictionary;
        }

        var columns = new List<string>();
        if (item.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array)
        {
            foreach (var column in c.EnumerateArray())
            {
                columns.Add(column.GetString() ?? "");
            }
        }

        var rows = new List<IReadOnlyList<JsonElement>>();
        if (item.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in v.EnumerateArray())
            {
                var cells = new JsonElement[row.GetArrayLength()];
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    cells[i++] = cell;
                }

                rows.Add(cells);
            }
        }

        return new InfluxSeries(name, tags, columns, rows);
    }
}
