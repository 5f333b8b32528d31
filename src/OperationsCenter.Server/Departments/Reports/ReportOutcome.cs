namespace OperationsCenter.Server.Departments.Reports;

/// <summary>What a stored report gave: rows stored (on the center's disk), and the refused rows.</summary>
/// <param name="Accepted">Rows stored.</param>
/// <param name="Errors">Rows refused, by row number.</param>
internal sealed record ReportOutcome(int Accepted, IReadOnlyList<ReportProblem> Errors);
