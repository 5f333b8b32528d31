using OperationsCenter.Catalog;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>One row of a report as the preview shows it: what it says, and what is wrong with it.</summary>
/// <param name="Row">The row's number as the spreadsheet shows it (the header is row 1).</param>
/// <param name="Metric">The metric as written (<c>dossiers.received</c>).</param>
/// <param name="Name">The catalog's name of the metric; null when the metric is unknown.</param>
/// <param name="Unit">The catalog's unit of the metric; null when the metric is unknown.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Number">The value read as a number; null when it is not one.</param>
/// <param name="Time">The time as written.</param>
/// <param name="At">The time read; null when it could not be.</param>
/// <param name="Tags">The row's tags (columns other than the fixed ones), empty cells left out.</param>
/// <param name="Error">What is wrong and what to fix; null for a row that will be stored.</param>
internal sealed record ReportRowCheck(
    int Row, string Metric, LocalizedText? Name, LocalizedText? Unit, string Value, double? Number, string Time, DateTimeOffset? At,
    IReadOnlyDictionary<string, string> Tags, string? Error)
{
    /// <summary>
    /// Which check failed, for the page to say it in the reader's language: department, metricEmpty, metricUnknown,
    /// unit, valueEmpty, valueNotNumber, timeEmpty, timeOffset, future, fraction or line; null for a good row.
    /// </summary>
    public string? ErrorCode { get; init; }
}
