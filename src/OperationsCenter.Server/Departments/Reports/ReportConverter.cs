using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Options;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Ingest;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// Checks a report's rows against the catalog (unknown metric, another unit of measure, a value that is not a number,
/// a time without an offset, a row of another department) and turns the good ones into a feed: one point per row,
/// the metric's measurement with its field set to the value, the other columns as tags. A whole number for a field
/// known as integer stays an integer, as in the JSON feed.
/// </summary>
internal sealed class ReportConverter(ConfiguredCatalog configured, FieldTypeRegistry fieldTypes, IOptions<IngestOptions> options, TimeProvider clock)
{
    /// <summary>Checks <paramref name="table"/> as <paramref name="department"/>'s report.</summary>
    public ReportCheck Convert(ReportTable table, string department)
    {
        if (table.Error is { } error)
        {
            return Fatal(error);
        }

        if (configured.Catalog is not { } catalog)
        {
            return Fatal("the center has no catalog (OperationsCenter:CatalogPath), so reports cannot be checked; send line protocol or the JSON feed");
        }

        var maxRows = options.Value.Limits.MaxLinesPerRequest;
        if (table.Rows.Count > maxRows)
        {
            return Fatal($"the report has {table.Rows.Count} rows, more than {maxRows}, the limit per request " +
                "(OperationsCenter:Ingest:Limits:MaxLinesPerRequest); nothing of it was stored: split it into smaller files");
        }

        var (columns, headerError) = ReportColumns.Find(table.Header);
        if (columns is null)
        {
            return Fatal(headerError!);
        }

        var unitName = catalog.Departments.FirstOrDefault(d => d.Id == department)?.Name;
        var converted = new List<LinePoint>(table.Rows.Count);
        var line = new ArrayBufferWriter<byte>(256);
        var indexOfLine = new List<int>();
        var problems = new List<LineProblem>();
        var checks = new List<ReportRowCheck>(table.Rows.Count);
        var now = clock.GetUtcNow();
        var decimalComma = ReportNumber.UsesDecimalComma(table.Rows.Select(r => columns.Value < r.Cells.Count ? r.Cells[columns.Value] : ""));
        foreach (var row in table.Rows)
        {
            var check = Check(row, columns, catalog, department, unitName, now, decimalComma, out var point);
            if (point is not null && !FeedConverter.TryWrite(point, line, out var writeError))
            {
                check = check with { Error = writeError, ErrorCode = "line" };
            }

            if (check.Error is null)
            {
                converted.Add(point!);
                indexOfLine.Add(row.Number);
            }
            else
            {
                problems.Add(new LineProblem(row.Number, check.Error, false) { Text = row.Text });
            }

            checks.Add(check);
        }

        return new ReportCheck(checks, new FeedConversion(converted, indexOfLine, problems, null));
    }

    private ReportRowCheck Check(
        ReportRow row, ReportColumns columns, ProvinceCatalog catalog, string department, string? unitName, DateTimeOffset now, bool decimalComma,
        out LinePoint? point)
    {
        point = null;
        string Cell(int? index) => index is { } i && i < row.Cells.Count ? row.Cells[i] : "";
        var metricText = Cell(columns.Metric);
        var valueText = Cell(columns.Value);
        var timeText = Cell(columns.Time);
        var tags = columns.Tags.Select(t => (t.Key, Value: Cell(t.Index))).Where(t => t.Value.Length > 0)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var metric = catalog.Metrics.FirstOrDefault(m => m.Id.Equals(metricText, StringComparison.OrdinalIgnoreCase));
        var number = ReportNumber.TryParse(valueText, decimalComma, out var parsed) ? parsed : (double?)null;
        DateTimeOffset? at = FeedConverter.TryParseTime(timeText, out var time) ? time : null;
        var check = new ReportRowCheck(row.Number, metricText, metric?.Name, metric?.Unit, valueText, number, timeText, at, tags, null);

        string? error = null;
        string? code = null;
        var unit = Cell(columns.Unit);
        var named = Cell(columns.Department);
        if (named.Length > 0 && !named.Equals(department, StringComparison.OrdinalIgnoreCase) &&
            !named.Equals(unitName, StringComparison.OrdinalIgnoreCase))
        {
            code = "department";
            error = $"unit \"{named}\" is not this department ({unitName ?? department}): a report carries only your own unit's figures; " +
                "leave the department column empty or write " + department;
        }
        else if (metric is null)
        {
            code = metricText.Length == 0 ? "metricEmpty" : "metricUnknown";
            error = metricText.Length == 0
                ? "metric is empty: write one of the catalog's metrics, e.g. " + catalog.Metrics.First().Id
                : $"unknown metric \"{metricText}\": the catalog's metrics are listed in the templates, e.g. {catalog.Metrics.First().Id}";
        }
        else if (unit.Length > 0 && !unit.Equals(metric.Unit.Vi, StringComparison.OrdinalIgnoreCase) && !unit.Equals(metric.Unit.En, StringComparison.OrdinalIgnoreCase))
        {
            code = "unit";
            error = $"unit \"{unit}\" is not the unit of {metric.Id}, which is counted in \"{metric.Unit.Vi}\" ({metric.Unit.En}): convert the value or leave the unit empty";
        }
        else if (number is not { } value)
        {
            code = valueText.Length == 0 ? "valueEmpty" : "valueNotNumber";
            error = valueText.Length == 0
                ? "value is empty: write a number, e.g. 12 or 12,5"
                : $"value \"{valueText}\" is not a number: write it like 12, 12,5 or 12.5 (no units or text in the cell)";
        }
        else if (at is not { } when)
        {
            code = timeText.Length == 0 ? "timeEmpty" : "timeOffset";
            error = timeText.Length == 0
                ? "time is empty: write when the figure was taken, e.g. 2026-12-01T17:00:00+07:00"
                : $"time \"{timeText}\" is not a time with an offset: write it like 2026-12-01T17:00:00+07:00 or 2026-12-01 17:00+07:00 " +
                  "(without +07:00 the center cannot know which time zone was meant; in Excel format the cell as text)";
        }
        else if (when - now > options.Value.Limits.MaxFutureTime)
        {
            code = "future";
            error = $"time \"{timeText}\" is in the future: a report gives figures already taken; check the date";
        }
        else if (fieldTypes.Known(metric.Measurement, metric.Field) == FieldKind.Integer && value != Math.Floor(value))
        {
            code = "fraction";
            error = $"value \"{valueText}\" has a fraction, but {metric.Id} is counted in whole numbers: write a whole number";
        }
        else
        {
            var field = fieldTypes.Known(metric.Measurement, metric.Field) == FieldKind.Integer && Math.Abs(value) < 9e15
                ? FieldValue.FromInteger((long)value)
                : FieldValue.FromFloat(value);
            point = new LinePoint(metric.Measurement, [.. tags], [new(metric.Field, field)], Grains.UnixNanos.From(when));
        }

        return check with { Error = error, ErrorCode = code };
    }

    private static ReportCheck Fatal(string error) => new([], new FeedConversion([], [], [], error));
}
