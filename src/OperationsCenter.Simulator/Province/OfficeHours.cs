namespace OperationsCenter.Simulator.Province;

/// <summary>
/// The daily rhythm of the province, in its own time (Asia/Ho_Chi_Minh): one-stop desks work Monday to Friday
/// 7:00–11:30 and 13:30–17:00 and Saturday mornings; online submissions come day and night, mostly by day.
/// </summary>
internal static class OfficeHours
{
    /// <summary>The province's time zone.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Seconds a desk works on a full weekday (8 hours).</summary>
    public const double WorkdaySeconds = 8 * 3600;

    /// <summary>The province's wall-clock time.</summary>
    public static DateTime Local(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, Zone).DateTime;

    /// <summary>How busy a desk is, 0 (closed) to 1 (open).</summary>
    public static double Desk(DateTime local)
    {
        var hour = local.TimeOfDay.TotalHours;
        var open = (hour >= 7 && hour < 11.5) || (hour >= 13.5 && hour < 17);
        return local.DayOfWeek switch
        {
            DayOfWeek.Sunday => 0,
            DayOfWeek.Saturday => hour >= 7.5 && hour < 11.5 ? 0.4 : 0,
            _ => open ? 1 : 0,
        };
    }

    /// <summary>How busy online services are, 0.1 at night to 1 in the working day.</summary>
    public static double Online(DateTime local)
    {
        var hour = local.TimeOfDay.TotalHours;
        return hour < 6 ? 0.1 : hour < 8 ? 0.4 : hour < 22 ? (Desk(local) > 0 ? 1 : 0.6) : 0.25;
    }

    /// <summary>The share of a weekday's desk work already done by <paramref name="local"/> (for counters since midnight).</summary>
    public static double DeskDayElapsed(DateTime local)
    {
        var done = 0.0;
        for (var t = local.Date; t < local; t = t.AddMinutes(15))
        {
            done += Desk(t) * 900;
        }

        return done / WorkdaySeconds;
    }
}
