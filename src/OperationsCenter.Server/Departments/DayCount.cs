namespace OperationsCenter.Server.Departments;

/// <summary>Points stored on one day (in the province's time zone).</summary>
/// <param name="Day">The day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Points">Points of that day.</param>
public sealed record DayCount(string Day, long Points);
