using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class DeadlineEvaluatorTests
{
    // "The monthly dossier report by the 5th at 17:00" in Vietnam (UTC+7): 10:00 UTC on the 5th.
    private static readonly DeadlineSchedule Fifth = new(5, new TimeSpan(17, 0, 0), DeadlineSchedule.DefaultTimeZone);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Before_the_deadline_nothing_is_missed_and_the_deadline_is_the_next_change()
    {
        var status = DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 10, 3), Utc(2026, 3, 3, 3));

        Assert.False(status.Missed);
        Assert.Equal(Utc(2026, 2, 28, 17), status.PeriodStart); // 1 March 00:00 in Vietnam
        Assert.Equal(Utc(2026, 3, 5, 10), status.Deadline);
        Assert.Equal(status.Deadline, status.NextChange);
    }

    [Fact]
    public void Past_the_deadline_without_a_report_is_missed_until_the_next_month_starts()
    {
        var status = DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 10, 3), Utc(2026, 3, 5, 10));

        Assert.True(status.Missed);
        Assert.Equal(Utc(2026, 3, 31, 17), status.NextChange); // 1 April 00:00 in Vietnam

        // Never reported at all is missed too.
        Assert.True(DeadlineEvaluator.Evaluate(Fifth, null, Utc(2026, 3, 20, 0)).Missed);
    }

    [Fact]
    public void A_new_month_starts_clean_and_waits_for_its_own_deadline()
    {
        var status = DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 10, 3), Utc(2026, 3, 31, 17));

        Assert.False(status.Missed);
        Assert.Equal(Utc(2026, 4, 5, 10), status.Deadline);
    }

    [Fact]
    public void A_report_in_the_period_keeps_it_quiet_until_next_months_deadline()
    {
        var status = DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 3, 2, 2), Utc(2026, 3, 20, 0));

        Assert.False(status.Missed);
        Assert.Equal(Utc(2026, 4, 5, 10), status.NextChange);
    }

    [Fact]
    public void A_late_report_resolves_the_miss()
    {
        var now = Utc(2026, 3, 6, 4);

        Assert.True(DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 27, 0), now).Missed);
        Assert.False(DeadlineEvaluator.Evaluate(Fifth, now, now).Missed);
    }

    [Fact]
    public void A_day_past_the_end_of_the_month_uses_its_last_day()
    {
        var thirtyFirst = Fifth with { Day = 31 };

        Assert.Equal(Utc(2026, 2, 28, 10), DeadlineEvaluator.Evaluate(thirtyFirst, null, Utc(2026, 2, 3, 0)).Deadline);
        Assert.Equal(Utc(2028, 2, 29, 10), DeadlineEvaluator.Evaluate(thirtyFirst, null, Utc(2028, 2, 3, 0)).Deadline);
        Assert.Equal(Utc(2026, 4, 30, 10), DeadlineEvaluator.Evaluate(thirtyFirst, null, Utc(2026, 4, 3, 0)).Deadline);
        Assert.Equal(Utc(2026, 3, 31, 10), DeadlineEvaluator.Evaluate(thirtyFirst, null, Utc(2026, 3, 3, 0)).Deadline);

        // Reported in January: quiet until February's (clamped) deadline.
        Assert.Equal(Utc(2026, 2, 28, 10), DeadlineEvaluator.Evaluate(thirtyFirst, Utc(2026, 1, 10, 0), Utc(2026, 1, 20, 0)).NextChange);

        // Missed on 28 February (17:00 local): clean again on 1 March local.
        var february = DeadlineEvaluator.Evaluate(thirtyFirst, null, Utc(2026, 2, 28, 12));
        Assert.True(february.Missed);
        Assert.Equal(Utc(2026, 2, 28, 17), february.NextChange);
    }

    [Fact]
    public void A_report_at_2330_utc_on_the_4th_is_the_5th_in_Vietnam()
    {
        var report = Utc(2026, 3, 4, 23, 30); // 06:30 on 5 March in Vietnam

        // Due by the 4th at 23:59 local: in UTC the 4th has not ended, in Vietnam the deadline has passed.
        var byTheFourth = Fifth with { Day = 4, TimeOfDay = new TimeSpan(23, 59, 0) };
        var status = DeadlineEvaluator.Evaluate(byTheFourth, null, report);
        Assert.True(status.Missed);
        Assert.Equal(Utc(2026, 3, 4, 16, 59), status.Deadline);

        // Due by the 5th at 17:00: that report is in time.
        Assert.False(DeadlineEvaluator.Evaluate(Fifth, report, Utc(2026, 3, 5, 11)).Missed);
    }

    [Fact]
    public void Months_are_local_months()
    {
        // 20:00 UTC on 28 February is 03:00 on 1 March in Vietnam: it counts for March.
        Assert.False(DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 28, 20), Utc(2026, 3, 6, 0)).Missed);

        // 16:00 UTC on 28 February is 23:00 on 28 February in Vietnam: February's report, March is missed.
        Assert.True(DeadlineEvaluator.Evaluate(Fifth, Utc(2026, 2, 28, 16), Utc(2026, 3, 6, 0)).Missed);

        // Across the year: December's deadline missed, January starts at 17:00 UTC on 31 December.
        var december = DeadlineEvaluator.Evaluate(Fifth, null, Utc(2026, 12, 20, 0));
        Assert.Equal(Utc(2026, 12, 31, 17), december.NextChange);
        Assert.Equal(Utc(2027, 1, 5, 10), DeadlineEvaluator.Evaluate(Fifth, null, december.NextChange).Deadline);
    }

    [Fact]
    public void A_deadline_in_a_daylight_saving_gap_falls_just_after_it()
    {
        // Europe/Berlin skips 02:00–03:00 on 31 March 2024.
        var berlin = new DeadlineSchedule(31, new TimeSpan(2, 30, 0), "Europe/Berlin");

        var status = DeadlineEvaluator.Evaluate(berlin, null, Utc(2024, 3, 10, 0));

        Assert.Equal(new DateTimeOffset(2024, 3, 31, 3, 0, 0, TimeSpan.FromHours(2)), status.Deadline);
    }
}
