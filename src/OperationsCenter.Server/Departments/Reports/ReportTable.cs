namespace OperationsCenter.Server.Departments.Reports;

/// <summary>A report file read into cells: its header and data rows, or why it could not be read.</summary>
/// <param name="Header">The column names of row 1, trimmed.</param>
/// <param name="Rows">The data rows, blank rows left out.</param>
/// <param name="Error">What makes the whole file unusable and what to do; null when it was read.</param>
internal sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows, string? Error)
{
    /// <summary>A file that could not be read.</summary>
    public static ReportTable Failed(string error) => new([], [], error);
}
