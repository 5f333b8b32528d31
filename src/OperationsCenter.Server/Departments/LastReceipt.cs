namespace OperationsCenter.Server.Departments;

/// <summary>The last request that brought a department's points in.</summary>
/// <param name="At">When it was taken.</param>
/// <param name="Points">Points (lines) it stored.</param>
/// <param name="Refused">Lines of it refused.</param>
public sealed record LastReceipt(DateTimeOffset At, int Points, int Refused);
