using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class ConditionEvaluatorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Threshold_reports_the_first_condition_then_each_change_on_the_latest_value()
    {
        var rule = Rules.Threshold(ThresholdOperator.Above, 5, clear: 2);

        var steps = Run(rule, "overdue", [3, 4, 6, 7, 4, 3, 2, 1]);

        // 3 and 4 sit between the clear point and the threshold: unclear, reported once.
        Assert.Equal([(0, AlertCondition.Unclear), (2, AlertCondition.Breached), (4, AlertCondition.Unclear), (6, AlertCondition.Cleared)], steps);
    }

    [Fact]
    public void Threshold_below_reports_a_spike_as_it_is_the_alert_decides_about_for()
    {
        var rule = Rules.Threshold(ThresholdOperator.Below, 60, clear: 65, @for: TimeSpan.FromMinutes(3));

        var steps = Run(rule, "online_share_pct", [70, 55, 70, 50, 52, 58, 59, 62, 66]);

        Assert.Equal(
            [
                (0, AlertCondition.Cleared), (1, AlertCondition.Breached), (2, AlertCondition.Cleared),
                (3, AlertCondition.Breached), (7, AlertCondition.Unclear), (8, AlertCondition.Cleared),
            ],
            steps);
    }

    [Fact]
    public void Window_average_fires_and_resolves()
    {
        var rule = Rules.Window(WindowAggregate.Avg, TimeSpan.FromMinutes(5), ThresholdOperator.Below, 95, clear: 97);

        // Points a minute apart: the 5 minute window holds the last six.
        var steps = Run(rule, "uptime_pct", [99, 99, 99, 99, 99, 99, 80, 99, 99, 99, 99, 99, 99]);

        // avg(99×5, 80) = 95.8 is between the threshold and the clear point; a second dip brings it under 95.
        Assert.DoesNotContain(steps, s => s.Condition == AlertCondition.Breached);
        steps = Run(rule, "uptime_pct", [99, 99, 99, 99, 99, 99, 80, 80, 99, 99, 99, 99, 99, 99]);
        Assert.Equal(
            [AlertCondition.Cleared, AlertCondition.Unclear, AlertCondition.Breached, AlertCondition.Unclear, AlertCondition.Cleared],
            steps.Select(s => s.Condition));
        Assert.Equal((7, 13), (steps[2].Step, steps[4].Step));
    }

    [Theory]
    [InlineData(WindowAggregate.Min, 3.0)]
    [InlineData(WindowAggregate.Max, 9.0)]
    [InlineData(WindowAggregate.Sum, 18.0)]
    [InlineData(WindowAggregate.Count, 3.0)]
    [InlineData(WindowAggregate.Avg, 6.0)]
    public void Window_aggregates_read_the_window(WindowAggregate aggregate, double expected)
    {
        var readings = new FakeReadings();
        readings.Add("f", readings.Now.AddMinutes(-20), 100).Add("f", readings.Now.AddMinutes(-4), 3)
            .Add("f", readings.Now.AddMinutes(-2), 9).Add("f", 6);
        var rule = Rules.Window(aggregate, TimeSpan.FromMinutes(5), ThresholdOperator.Above, 1000);

        var result = ConditionEvaluator.Evaluate(rule, "f", readings, readings.Now);

        Assert.True(result.HasData);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void An_empty_window_counts_zero_but_has_no_average()
    {
        var readings = new FakeReadings();
        readings.Add("f", readings.Now.AddMinutes(-30), 7);

        var count = ConditionEvaluator.Evaluate(
            Rules.Window(WindowAggregate.Count, Minute, ThresholdOperator.Below, 1), "f", readings, readings.Now);
        var avg = ConditionEvaluator.Evaluate(
            Rules.Window(WindowAggregate.Avg, Minute, ThresholdOperator.Below, 1), "f", readings, readings.Now);
        var unknown = ConditionEvaluator.Evaluate(
            Rules.Window(WindowAggregate.Count, Minute, ThresholdOperator.Below, 1), "other", readings, readings.Now);

        Assert.Equal((true, 0.0, true), (count.HasData, count.Value, count.Breached));
        Assert.False(avg.HasData);
        Assert.False(unknown.HasData);
    }

    [Fact]
    public void Rate_absolute_is_newest_minus_oldest_in_the_window()
    {
        var readings = new FakeReadings();
        readings.Add("overdue", readings.Now.AddMinutes(-20), 1)
            .Add("overdue", readings.Now.AddMinutes(-14), 10)
            .Add("overdue", readings.Now.AddMinutes(-5), 12)
            .Add("overdue", 18);

        var result = ConditionEvaluator.Evaluate(
            Rules.Rate(RateMode.Absolute, TimeSpan.FromMinutes(15), ThresholdOperator.Above, 5), "overdue", readings, readings.Now);

        Assert.Equal((true, 8.0, true), (result.HasData, result.Value, result.Breached));
    }

    [Fact]
    public void Rate_percent_is_relative_to_the_oldest_value()
    {
        var readings = new FakeReadings();
        readings.Add("received", readings.Now.AddMinutes(-10), 200).Add("received", 150);
        var rule = Rules.Rate(RateMode.Percent, TimeSpan.FromMinutes(15), ThresholdOperator.Below, -20);

        var result = ConditionEvaluator.Evaluate(rule, "received", readings, readings.Now);

        Assert.Equal((true, -25.0, true), (result.HasData, result.Value, result.Breached));
    }

    [Fact]
    public void Rate_needs_two_points_and_a_nonzero_base_for_percent()
    {
        var single = new FakeReadings();
        single.Add("f", 5);
        var fromZero = new FakeReadings();
        fromZero.Add("f", fromZero.Now.AddMinutes(-1), 0).Add("f", 5);

        Assert.False(ConditionEvaluator.Evaluate(
            Rules.Rate(RateMode.Absolute, TimeSpan.FromMinutes(5), ThresholdOperator.Above, 1), "f", single, single.Now).HasData);
        Assert.False(ConditionEvaluator.Evaluate(
            Rules.Rate(RateMode.Percent, TimeSpan.FromMinutes(5), ThresholdOperator.Above, 1), "f", fromZero, fromZero.Now).HasData);
        Assert.Equal(5, ConditionEvaluator.Evaluate(
            Rules.Rate(RateMode.Absolute, TimeSpan.FromMinutes(5), ThresholdOperator.Above, 1), "f", fromZero, fromZero.Now).Value);
    }

    [Fact]
    public void Rate_fires_and_resolves()
    {
        var rule = Rules.Rate(RateMode.Absolute, TimeSpan.FromMinutes(3), ThresholdOperator.Above, 5, clear: 2);

        // Change over the last 3 minutes (4 points a minute apart).
        var steps = Run(rule, "overdue", [10, 10, 12, 14, 16, 17, 17, 17, 17]);

        // One point is no change to speak of: unclear until the second.
        Assert.Equal(
            [(0, AlertCondition.Unclear), (1, AlertCondition.Cleared), (3, AlertCondition.Unclear), (4, AlertCondition.Breached), (5, AlertCondition.Unclear), (7, AlertCondition.Cleared)],
            steps);
    }

    [Fact]
    public void Ratio_of_latest_values_fires_and_resolves()
    {
        var rule = Rules.Ratio("resolved_on_time", "received", ThresholdOperator.Below, 0.8, clear: 0.85);
        var readings = new FakeReadings();
        var evaluator = new SeriesAlertEvaluator();
        var reported = new List<AlertCondition?>();
        foreach (var (onTime, received) in new[] { (90.0, 100.0), (75, 100), (82, 100), (86, 100) })
        {
            readings.Now += Minute;
            readings.Add("resolved_on_time", onTime).Add("received", received);
            reported.Add(Evaluate(evaluator, rule, readings, ["resolved_on_time", "received"]).SingleOrDefault()?.Condition);
        }

        Assert.Equal([AlertCondition.Cleared, AlertCondition.Breached, AlertCondition.Unclear, AlertCondition.Cleared], reported);
    }

    [Fact]
    public void Ratio_with_a_zero_denominator_is_no_data()
    {
        var rule = Rules.Ratio("resolved_on_time", "received", ThresholdOperator.Below, 0.8);
        var readings = new FakeReadings();
        readings.Add("resolved_on_time", 0).Add("received", 0);

        Assert.Equal(ConditionResult.NoData, ConditionEvaluator.Evaluate(rule, "resolved_on_time", readings, readings.Now));

        readings.Add("received", readings.Now.AddSeconds(1), 4);
        var result = ConditionEvaluator.Evaluate(rule, "resolved_on_time", readings, readings.Now.AddSeconds(1));
        Assert.Equal((true, 0.0, true), (result.HasData, result.Value, result.Breached));
    }

    [Fact]
    public void Fields_of_a_series_a_rule_tracks()
    {
        var threshold = Rules.Threshold(ThresholdOperator.Above, 1) with { Match = Rules.Base(RuleKind.Threshold).Match with { Field = "*_pct" } };
        var ratio = Rules.Ratio("resolved_on_time", "received", ThresholdOperator.Below, 0.8);

        Assert.Equal(["uptime_pct", "cpu_pct"], ConditionEvaluator.FieldsOf(threshold, ["uptime_pct", "latency_ms", "cpu_pct"]));
        Assert.Equal(["resolved_on_time"], ConditionEvaluator.FieldsOf(ratio, ["received", "resolved_on_time", "overdue"]));
        Assert.Empty(ConditionEvaluator.FieldsOf(ratio, ["received"]));
    }

    [Fact]
    public void Silence_rules_are_not_evaluated_on_values()
    {
        var readings = new FakeReadings();

        Assert.Throws<ArgumentException>(() =>
            ConditionEvaluator.Evaluate(Rules.Base(RuleKind.Deadman) with { Silence = Minute }, "f", readings, readings.Now));
    }

    [Fact]
    public void After_forgetting_every_condition_is_reported_again()
    {
        var rule = Rules.Threshold(ThresholdOperator.Above, 5, clear: 2);
        var readings = new FakeReadings();
        var evaluator = new SeriesAlertEvaluator();
        readings.Add("overdue", 9);

        Assert.Equal(AlertCondition.Breached, Assert.Single(Evaluate(evaluator, rule, readings, ["overdue"])).Condition);
        Assert.Empty(Evaluate(evaluator, rule, readings, ["overdue"]));
        evaluator.Forget();
        var again = Assert.Single(Evaluate(evaluator, rule, readings, ["overdue"]));
        Assert.Equal((AlertCondition.Breached, 9.0, rule.For), (again.Condition, again.Value!.Value, again.For));
    }

    [Fact]
    public void A_signal_says_what_its_value_is_measured_against()
    {
        var readings = new FakeReadings();
        readings.Add("overdue", 9);
        var series = Assert.Single(Evaluate(new SeriesAlertEvaluator(), Rules.Threshold(ThresholdOperator.Above, 5, clear: 2), readings, ["overdue"]));
        Assert.Equal(new AlertMeasure(RuleKind.Threshold, ThresholdOperator.Above, 5, 2), series.Measure);

        // Silence rules: a deadman's value is minutes silent, so its threshold is the silence in minutes; a deadline has none.
        var deadman = Rules.Base(RuleKind.Deadman) with { Name = "silent", Silence = TimeSpan.FromMinutes(2), Scope = RuleScope.Department };
        var deadline = Rules.Base(RuleKind.Deadline) with
        {
            Name = "report-due", Deadline = new DeadlineSchedule(5, TimeSpan.FromHours(17), "Asia/Ho_Chi_Minh"), Scope = RuleScope.Department,
        };
        var now = readings.Now;
        var signals = new SilenceWatch(RuleScope.Department, now.AddHours(-1)).Evaluate(
            [deadman, deadline], _ => true, now.AddMinutes(-3), new AlertSource(RuleScope.Department, "xa-ban-bo"),
            ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo"), now);
        Assert.Equal(
            [new AlertMeasure(RuleKind.Deadman, ThresholdOperator.Above, 2, null), new AlertMeasure(RuleKind.Deadline, null, null, null)],
            signals.Select(s => s.Measure));
        Assert.Equal(3.0, signals[0].Value);
    }

    /// <summary>Feeds one point a minute, evaluating after each; the steps (0-based) where a condition was reported.</summary>
    private static List<(int Step, AlertCondition Condition)> Run(AlertRule rule, string field, double[] values)
    {
        var readings = new FakeReadings();
        var evaluator = new SeriesAlertEvaluator();
        var reports = new List<(int, AlertCondition)>();
        for (var i = 0; i < values.Length; i++)
        {
            readings.Now += Minute;
            readings.Add(field, values[i]);
            foreach (var signal in Evaluate(evaluator, rule, readings, [field]))
            {
                reports.Add((i, signal.Condition));
            }
        }

        return reports;
    }

    private static List<AlertSignal> Evaluate(SeriesAlertEvaluator evaluator, AlertRule rule, FakeReadings readings, string[] fields) =>
        evaluator.Evaluate([rule], new AlertSource(RuleScope.Series, "dossiers"), "dossiers", ImmutableDictionary<string, string>.Empty, readings, fields, readings.Now);
}
