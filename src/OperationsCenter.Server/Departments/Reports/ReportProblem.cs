namespace OperationsCenter.Server.Departments.Reports;

/// <summary>A refused row of a stored report, in the JSON feed's error shape (<c>index</c> is the row's number).</summary>
/// <param name="Index">The row's number as the spreadsheet shows it.</param>
/// <param name="Message">What is wrong and what to fix.</param>
internal sealed record ReportProblem(int Index, string Message);
