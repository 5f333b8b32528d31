namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// A monthly reporting deadline: each calendar month (in <see cref="TimeZone"/>) the watched series or department
/// must report at least once before <see cref="Day"/> at <see cref="TimeOfDay"/>. Months shorter than
/// <see cref="Day"/> use their last day.
/// </summary>
/// <param name="Day">Day of the month, 1 to 31.</param>
/// <param name="TimeOfDay">Local time of day of the deadline, under 24 hours.</param>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Asia/Ho_Chi_Minh</c>.</param>
[GenerateSerializer, Immutable]
public sealed record DeadlineSchedule(
    [property: Id(0)] int Day,
    [property: Id(1)] TimeSpan TimeOfDay,
    [property: Id(2)] string TimeZone)
{
    /// <summary>The time zone used when a rule names none: Vietnam (UTC+7, no daylight saving).</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";
}
