namespace OperationsCenter.Server.Departments.Reports;

/// <summary>A report checked before anything is stored.</summary>
/// <param name="File">The file's name as uploaded.</param>
/// <param name="Good">Rows that will be stored.</param>
/// <param name="Bad">Rows that will be refused.</param>
/// <param name="Rows">Every row with what it says and, for a bad one, why.</param>
internal sealed record ReportPreview(string File, int Good, int Bad, IReadOnlyList<ReportRowCheck> Rows);
