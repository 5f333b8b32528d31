using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class ConditionTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Comparison Above5Clear2 = new(ThresholdOperator.Above, 5, 2);

    private static ConditionResult Value(double v, Comparison? comparison = null) => ConditionResult.Of(v, comparison ?? Above5Clear2);

    [Fact]
    public void Without_for_a_breach_fires_at_once_and_resolves_past_clear()
    {
        var tracker = new ConditionTracker(TimeSpan.Zero);

        Assert.Equal(ConditionTransition.None, tracker.Observe(Value(4), T0));
        Assert.Equal(ConditionTransition.Firing, tracker.Observe(Value(6), T0.AddSeconds(10)));
        Assert.Equal(T0.AddSeconds(10), tracker.Since);
        Assert.Equal(ConditionTransition.None, tracker.Observe(Value(3), T0.AddSeconds(20)));
        Assert.Equal(ConditionTransition.Resolved, tracker.Observe(Value(2), T0.AddSeconds(30)));
        Assert.Equal(ConditionState.Inactive, tracker.State);
        Assert.Null(tracker.Since);
    }

    [Fact]
    public void Hysteresis_holds_against_a_value_oscillating_around_the_threshold()
    {
        var tracker = new ConditionTracker(TimeSpan.Zero);
        var transitions = new List<ConditionTransition>();
        double[] values = [4.9, 5.1, 4.8, 5.3, 4.6, 5.2, 4.9, 5.4, 4.7, 5.1];
        for (var i = 0; i < values.Length; i++)
        {
            transitions.Add(tracker.Observe(Value(values[i]), T0.AddSeconds(i * 10)));
        }

        // One firing, no flapping: nothing under 5 reaches the clear point 2.
        Assert.Equal([ConditionTransition.Firing], transitions.Where(t => t != ConditionTransition.None));
        Assert.Equal(ConditionState.Firing, tracker.State);
        Assert.Equal(ConditionTransition.Resolved, tracker.Observe(Value(1.9), T0.AddMinutes(5)));
    }

    [Fact]
    public void Without_clear_the_threshold_itself_resolves()
    {
        var tracker = new ConditionTracker(TimeSpan.Zero);
        var comparison = new Comparison(ThresholdOperator.Below, 95, 95);

        Assert.Equal(ConditionTransition.Firing, tracker.Observe(Value(94, comparison), T0));
        Assert.Equal(ConditionTransition.Resolved, tracker.Observe(Value(95, comparison), T0.AddSeconds(10)));
    }

    [Fact]
    public void For_does_not_fire_on_a_one_point_spike()
    {
        var tracker = new ConditionTracker(TimeSpan.FromMinutes(5));

        Assert.Equal(ConditionTransition.Pending, tracker.Observe(Value(50), T0));
        Assert.Equal(T0.AddMinutes(5), tracker.FiresAt);
        Assert.Equal(ConditionTransition.Inactive, tracker.Observe(Value(3), T0.AddSeconds(10)));
        Assert.Equal(ConditionTransition.None, tracker.Tick(T0.AddMinutes(10)));
        Assert.Equal(ConditionState.Inactive, tracker.State);
        Assert.Null(tracker.FiresAt);
    }

    [Fact]
    public void For_fires_when_the_condition_has_held_that_long()
    {
        var tracker = new ConditionTracker(TimeSpan.FromMinutes(5));

        Assert.Equal(ConditionTransition.Pending, tracker.Observe(Value(6), T0));
        Assert.Equal(ConditionTransition.None, tracker.Observe(Value(7), T0.AddMinutes(2)));
        Assert.Equal(ConditionTransition.None, tracker.Observe(Value(6), T0.AddMinutes(4).AddSeconds(59)));
        Assert.Equal(ConditionTransition.Firing, tracker.Observe(Value(8), T0.AddMinutes(5)));
        Assert.Equal(T0.AddMinutes(5), tracker.Since);
    }

    [Fact]
    public void A_tick_completes_for_when_no_new_point_arrives()
    {
        var tracker = new ConditionTracker(TimeSpan.FromMinutes(5));
        tracker.Observe(Value(6), T0);

        Assert.Equal(ConditionTransition.None, tracker.Tick(T0.AddMinutes(4)));
        Assert.Equal(ConditionTransition.Firing, tracker.Tick(T0.AddMinutes(5)));
        Assert.Equal(ConditionTransition.None, tracker.Tick(T0.AddMinutes(6)));
        Assert.Equal(ConditionState.Firing, tracker.State);
    }

    [Fact]
    public void A_pending_value_that_dips_between_threshold_and_clear_goes_back_to_inactive()
    {
        // Hysteresis only protects a firing alert; a pending one must hold strictly past the threshold.
        var tracker = new ConditionTracker(TimeSpan.FromMinutes(1));

        tracker.Observe(Value(6), T0);

        Assert.Equal(ConditionTransition.Inactive, tracker.Observe(Value(4), T0.AddSeconds(30)));
    }

    [Fact]
    public void No_data_cancels_pending_but_does_not_resolve_firing()
    {
        var pending = new ConditionTracker(TimeSpan.FromMinutes(1));
        pending.Observe(Value(6), T0);
        Assert.Equal(ConditionTransition.Inactive, pending.Observe(ConditionResult.NoData, T0.AddSeconds(10)));

        var firing = new ConditionTracker(TimeSpan.Zero);
        firing.Observe(Value(6), T0);
        Assert.Equal(ConditionTransition.None, firing.Observe(ConditionResult.NoData, T0.AddSeconds(10)));
        Assert.Equal(ConditionState.Firing, firing.State);
    }

    [Fact]
    public void A_restored_tracker_carries_on()
    {
        var tracker = new ConditionTracker(TimeSpan.FromMinutes(5), ConditionState.Pending, T0);

        Assert.Equal(ConditionTransition.Firing, tracker.Tick(T0.AddMinutes(5)));
        Assert.Throws<ArgumentException>(() => new ConditionTracker(TimeSpan.Zero, ConditionState.Firing, null));
    }
}
