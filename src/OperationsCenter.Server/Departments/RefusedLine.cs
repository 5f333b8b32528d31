namespace OperationsCenter.Server.Departments;

/// <summary>A line (or JSON point, or report row) the center refused, as the department's page lists it.</summary>
/// <param name="At">When it was refused.</param>
/// <param name="Source">How it came: <c>line</c>, <c>json</c>, <c>mqtt</c> or <c>csv</c> (a report, CSV or Excel).</param>
/// <param name="Reason">What is wrong and what to fix.</param>
/// <param name="Line">The line as sent (its first 500 characters).</param>
public sealed record RefusedLine(DateTimeOffset At, string Source, string Reason, string Line);
