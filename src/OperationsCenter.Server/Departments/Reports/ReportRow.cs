namespace OperationsCenter.Server.Departments.Reports;

/// <summary>One data row of a report file.</summary>
/// <param name="Number">The row's number as a spreadsheet shows it (the header is row 1).</param>
/// <param name="Cells">Its cells, by column; a missing cell is empty.</param>
/// <param name="Text">The row as written, for the list of refused lines.</param>
internal sealed record ReportRow(int Number, IReadOnlyList<string> Cells, string Text);
