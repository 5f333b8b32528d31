using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class ConditionEvaluatorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Threshold_fires_and_resolves_on_the_latest_value()
    {
        var rule = Rules.Threshold(ThresholdOperator.Above, 5, clear: 2);

        var steps = Run(rule, "overdue", [3, 4, 6, 7, 4, 3, 2, 1]);

        Assert.Equal([(2, ConditionTransition.Firing), (6, ConditionTransition.Resolved)], steps);
    }

    [Fact]
    public void Threshold_below_with_for_fires_only_once_held()
    {
        var rule = Rules.Threshold(ThresholdOperator.Below, 60, clear: 65, @for: TimeSpan.FromMinutes(3));

        // One minute per point: 55 at minute 1 is a spike; 50 from minute 3 holds for 3 minutes.
        var steps = Run(rule, "online_share_pct", [70, 55, 70, 50, 52, 58, 59, 62, 66]);

        Assert.Equal(
            [
                (1, ConditionTransition.Pending), (2, ConditionTransition.Inactive),
                (3, ConditionTransition.Pending), (6, ConditionTransition.Firing), (8, ConditionTransition.Resolved),
            ],
            steps);
    }

    [Fact]
    public void Window_average_fires_and_resolves()
    {
        var rule = Rules.Window(WindowAggregate.Avg, TimeSpan.FromMinutes(5), ThresholdOperator.Below, 95, clear: 97);

        // Points a minute apart: the 5 minute window holds the last six.
        var steps = Run(rule, "uptime_pct", [99, 99, 99, 99, 99, 99, 80, 99, 99, 99, 99, 99, 99]);

        // avg(99×5, 80) = 95.8 stays quiet; a second dip brings it under 95.
        Assert.Empty(steps);
        steps = Run(rule, "uptime_pct", [99, 99, 99, 99, 99, 99, 80, 80, 99, 99, 99, 99, 99, 99]);
        Assert.Equal([(7, ConditionTransition.Firing), (13, ConditionTransition.Resolved)], steps);
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

        Assert.Equal([(4, ConditionTransition.Firing), (7, ConditionTransition.Resolved)], steps);
    }

    [Fact]
    public void Ratio_of_latest_values_fires_and_resolves()
    {
        var rule = Rules.Ratio("resolved_on_time", "received", ThresholdOperator.Below, 0.8, clear: 0.85);
        var readings = new FakeReadings();
        var tracker = new ConditionTracker(TimeSpan.Zero);
        var transitions = new List<ConditionTransition>();
        foreach (var (onTime, received) in new[] { (90.0, 100.0), (75, 100), (82, 100), (86, 100) })
        {
            readings.Now += Minute;
            readings.Add("resolved_on_time", onTime).Add("received", received);
            transitions.Add(tracker.Observe(ConditionEvaluator.Evaluate(rule, "resolved_on_time", readings, readings.Now), readings.Now));
        }

        Assert.Equal([ConditionTransition.None, ConditionTransition.Firing, ConditionTransition.None, ConditionTransition.Resolved], transitions);
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

    /// <summary>Feeds one point a minute, evaluating after each; the steps (0-based) where something changed.</summary>
    private static List<(int Step, ConditionTransition Transition)> Run(AlertRule rule, string field, double[] values)
    {
        var readings = new FakeReadings();
        var tracker = new ConditionTracker(rule.For);
        var changes = new List<(int, ConditionTransition)>();
        for (var i = 0; i < values.Length; i++)
        {
            readings.Now += Minute;
            readings.Add(field, values[i]);
            var transition = tracker.Observe(ConditionEvaluator.Evaluate(rule, field, readings, readings.Now), readings.Now);
            if (transition != ConditionTransition.None)
            {
                changes.Add((i, transition));
            }
        }

        return changes;
    }
}
