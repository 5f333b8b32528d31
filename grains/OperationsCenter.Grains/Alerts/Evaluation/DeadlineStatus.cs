namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>Where a monthly reporting deadline stands.</summary>
/// <param name="Missed">The current period's deadline has passed and nothing was reported in the period yet.</param>
/// <param name="PeriodStart">Start of the current period: the 1st of the local month, 00:00 local.</param>
/// <param name="Deadline">The current period's deadline.</param>
/// <param name="NextChange">
/// The next instant <see cref="Missed"/> can change without a new report: when to set the timer or reminder.
/// (A new report can only clear it, and is seen as it arrives.)
/// </param>
public sealed record DeadlineStatus(bool Missed, DateTimeOffset PeriodStart, DateTimeOffset Deadline, DateTimeOffset NextChange);
