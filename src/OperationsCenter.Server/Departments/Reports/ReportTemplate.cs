using System.Globalization;
using System.Text;
using OperationsCenter.Catalog;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// The CSV template of a metric group (the catalog's metrics of one measurement): the columns, and one example row per
/// metric, with a BOM and semicolons so Vietnamese Excel opens it as it is.
/// </summary>
internal static class ReportTemplate
{
    /// <summary>The template for <paramref name="measurement"/>, or null when the catalog has no metric of it.</summary>
    public static byte[]? For(ProvinceCatalog catalog, string measurement, string department, DateTimeOffset now)
    {
        var metrics = catalog.Metrics.Where(m => m.Measurement == measurement).ToList();
        if (metrics.Count == 0)
        {
            return null;
        }

        // The last day of the previous month at 17:00 in the province: the usual date of a monthly figure.
        var local = now.ToOffset(TimeSpan.FromHours(7));
        var firstOfMonth = new DateTimeOffset(local.Year, local.Month, 1, 17, 0, 0, TimeSpan.FromHours(7));
        var example = firstOfMonth.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(string.Join(";", ReportColumns.Fixed));
        foreach (var metric in metrics)
        {
            text.AppendLine(string.Join(";", example, department, metric.Id, "0", Quote(metric.Unit.Vi)));
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string cell) => cell.IndexOfAny([';', ',', '"']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
