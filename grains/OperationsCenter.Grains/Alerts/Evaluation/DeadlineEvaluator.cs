namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>
/// Monthly reporting deadlines ("by the 5th at 17:00 Asia/Ho_Chi_Minh"). A period is a calendar month in the
/// schedule's time zone; a report anywhere in it counts, so a late report resolves the miss. Months shorter than the
/// deadline day use their last day.
/// </summary>
public static class DeadlineEvaluator
{
    /// <summary>
    /// Where <paramref name="schedule"/> stands at <paramref name="now"/>, given the newest report time
    /// (null when there never was one).
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The schedule's time zone is unknown.</exception>
    public static DeadlineStatus Evaluate(DeadlineSchedule schedule, DateTimeOffset? lastReport, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var next = month.AddMonths(1);

        var periodStart = ToInstant(month, zone);
        var deadline = DeadlineOf(schedule, month, zone);
        var reported = lastReport >= periodStart;

        if (reported)
        {
            // Nothing can go wrong before next month's deadline.
            return new DeadlineStatus(false, periodStart, deadline, DeadlineOf(schedule, next, zone));
        }

        return now < deadline
            ? new DeadlineStatus(false, periodStart, deadline, deadline)
            : new DeadlineStatus(true, periodStart, deadline, ToInstant(next, zone));
    }

    /// <summary>The deadline of the month beginning at local <paramref name="month"/>.</summary>
    private static DateTimeOffset DeadlineOf(DeadlineSchedule schedule, DateTime month, TimeZoneInfo zone)
    {
        var day = Math.Min(schedule.Day, DateTime.DaysInMonth(month.Year, month.Month));
        return ToInstant(month.AddDays(day - 1) + schedule.TimeOfDay, zone);
    }

    /// <summary>A local wall-clock time as an instant, for zones with daylight saving too.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        // A time skipped by a spring-forward gap happens just after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // An ambiguous (repeated) time resolves to its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
