using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

/// <summary>The alert grain owns the lifecycle: evaluators only report conditions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertLifecycleTests(ClusterFixture fixture)
{
    private static readonly ImmutableDictionary<string, string> Labels =
        ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("measurement", "network").Add("field", "uptime_pct");

    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_breach_waits_out_for_then_fires_is_acknowledged_and_resolves_when_cleared_and_the_index_follows()
    {
        var (fingerprint, alert) = Alert("uptime-low-lifecycle");
        var now = ClusterFixture.Clock.GetUtcNow();

        await alert.Signal(Signal("uptime-low-lifecycle", AlertCondition.Breached, 90, now, FiveMinutes));
        Assert.Equal(AlertState.Pending, (await alert.GetView())!.State);

        // The alert's own timer fires it once the breach has held for the rule's for.
        ClusterFixture.Clock.Advance(FiveMinutes);
        var firing = await Await.UntilAsync(alert.GetView, v => v?.State == AlertState.Firing, "the pending alert to fire after its for");
        Assert.Equal((now, 90.0), (firing!.StartsAt, firing.Value!.Value));
        Assert.NotNull(firing.FiringSince);

        var acknowledged = await alert.Acknowledge(new AlertActor("operator.an", "Nguyễn Văn An"), "đã gọi VNPT");
        Assert.Equal((AlertState.Acknowledged, "operator.an", "Nguyễn Văn An", "đã gọi VNPT"),
            (acknowledged!.State, acknowledged.AcknowledgedBy, acknowledged.AcknowledgedByName, acknowledged.Note));

        // Between thresholds, then breached again with a new value: still taken, the value follows.
        await alert.Signal(Signal("uptime-low-lifecycle", AlertCondition.Unclear, 96, now.AddMinutes(6), FiveMinutes));
        await alert.Signal(Signal("uptime-low-lifecycle", AlertCondition.Breached, 88, now.AddMinutes(7), FiveMinutes));
        Assert.Equal((AlertState.Acknowledged, 88.0), ((await alert.GetView())!.State, (await alert.GetView())!.Value!.Value));

        await alert.Signal(Signal("uptime-low-lifecycle", AlertCondition.Cleared, 99, now.AddMinutes(20), FiveMinutes));
        var resolved = (await alert.GetView())!;
        Assert.Equal((AlertState.Resolved, now.AddMinutes(20)), (resolved.State, resolved.EndsAt!.Value));

        var listed = await Await.UntilAsync(() => fixture.Cluster.GrainFactory.GetGrain<IAlertIndexGrain>(0).List(),
            list => list.Any(a => a.Fingerprint == fingerprint && a.State == AlertState.Resolved), "the index to list the resolved alert");
        Assert.Equal(("uptime-low-lifecycle", AlertSeverity.Warning), (listed.Single(a => a.Fingerprint == fingerprint).RuleName, listed.Single(a => a.Fingerprint == fingerprint).Severity));
    }

    [Fact]
    public async Task A_spike_shorter_than_for_never_fires()
    {
        var (_, alert) = Alert("uptime-low-spike");
        var now = ClusterFixture.Clock.GetUtcNow();

        await alert.Signal(Signal("uptime-low-spike", AlertCondition.Breached, 80, now, FiveMinutes));
        await alert.Signal(Signal("uptime-low-spike", AlertCondition.Unclear, 96, now.AddMinutes(1), FiveMinutes));
        ClusterFixture.Clock.Advance(FiveMinutes);

        var view = (await alert.GetView())!;
        Assert.Equal(AlertState.Resolved, view.State);
        Assert.Null(view.FiringSince);
    }

    [Fact]
    public async Task An_alert_acknowledged_while_pending_still_fires_after_its_for_and_then_outlasts_a_dip()
    {
        var (_, alert) = Alert("uptime-low-taken-early");
        var now = ClusterFixture.Clock.GetUtcNow();

        await alert.Signal(Signal("uptime-low-taken-early", AlertCondition.Breached, 80, now, FiveMinutes));
        await alert.Acknowledge(Actor("Lò Văn Hùng"), "đã biết");
        ClusterFixture.Clock.Advance(FiveMinutes);

        // Taken, and fired behind it: a value between thresholds no longer ends it as it would a pending alert.
        var fired = await Await.UntilAsync(alert.GetView, v => v?.FiringSince is not null, "the acknowledged alert to fire after its for");
        Assert.Equal(AlertState.Acknowledged, fired!.State);
        await alert.Signal(Signal("uptime-low-taken-early", AlertCondition.Unclear, 96, now.AddMinutes(6), FiveMinutes));
        Assert.Equal(AlertState.Acknowledged, (await alert.GetView())!.State);
    }

    [Fact]
    public async Task A_firing_alert_goes_on_firing_between_thresholds_and_without_data()
    {
        var (_, alert) = Alert("uptime-low-band");
        var now = ClusterFixture.Clock.GetUtcNow();

        await alert.Signal(Signal("uptime-low-band", AlertCondition.Breached, 80, now, TimeSpan.Zero));
        await alert.Signal(Signal("uptime-low-band", AlertCondition.Unclear, null, now.AddMinutes(1), TimeSpan.Zero));

        var view = (await alert.GetView())!;
        Assert.Equal((AlertState.Firing, 80.0), (view.State, view.Value!.Value));
    }

    [Fact]
    public async Task Only_an_open_alert_can_be_acknowledged_and_a_new_episode_starts_fresh()
    {
        var (_, alert) = Alert("uptime-low-episodes");
        var now = ClusterFixture.Clock.GetUtcNow();

        Assert.Null(await alert.Acknowledge(Actor("someone"), null));
        await alert.Signal(Signal("uptime-low-episodes", AlertCondition.Breached, 80, now, TimeSpan.Zero));
        await alert.Acknowledge(Actor("operator"), "on it");
        await alert.Signal(Signal("uptime-low-episodes", AlertCondition.Cleared, 99, now.AddMinutes(1), TimeSpan.Zero));
        Assert.Null(await alert.Acknowledge(Actor("someone"), null));
        await alert.Signal(Signal("uptime-low-episodes", AlertCondition.Breached, 70, now.AddMinutes(2), TimeSpan.Zero));

        var second = (await alert.GetView())!;
        Assert.Equal(AlertState.Firing, second.State);
        Assert.Null(second.AcknowledgedBy);
        Assert.Null(second.EndsAt);
        Assert.Equal(now.AddMinutes(2), second.StartsAt);
    }

    [Fact]
    public async Task The_view_carries_the_rules_measure_and_who_took_it_by_display_name_until_given_back()
    {
        var (_, alert) = Alert("uptime-low-measure");
        var now = ClusterFixture.Clock.GetUtcNow();
        var measure = new AlertMeasure(RuleKind.Window, ThresholdOperator.Below, 98, 98.5);

        await alert.Signal(Signal("uptime-low-measure", AlertCondition.Breached, 90, now, TimeSpan.Zero) with { Measure = measure });
        Assert.Equal(measure, (await alert.GetView())!.Measure);

        // A rule edit's threshold shows from the next signal; a signal without a measure (an older sender) keeps it.
        var edited = measure with { Threshold = 97, Clear = 97.5 };
        await alert.Signal(Signal("uptime-low-measure", AlertCondition.Breached, 89, now.AddMinutes(1), TimeSpan.Zero) with { Measure = edited });
        await alert.Signal(Signal("uptime-low-measure", AlertCondition.Unclear, 97.2, now.AddMinutes(2), TimeSpan.Zero));
        Assert.Equal((edited, 97.2), ((await alert.GetView())!.Measure, (await alert.GetView())!.Value!.Value));

        var taken = await alert.Acknowledge(new AlertActor("leader.binh", "Trần Thị Bình"), null);
        Assert.Equal(("leader.binh", "Trần Thị Bình"), (taken!.AcknowledgedBy, taken.AcknowledgedByName));
        Assert.Equal("Trần Thị Bình", (await alert.GetView())!.AcknowledgedByName);

        var given = await alert.Unacknowledge(new AlertActor("leader.binh", "Trần Thị Bình"), "không thuộc phạm vi");
        Assert.Equal((AlertState.Firing, null, null), (given!.State, given.AcknowledgedBy, given.AcknowledgedByName));
    }

    [Fact]
    public void A_fingerprint_depends_on_rule_and_labels_not_their_order()
    {
        var reordered = ImmutableDictionary<string, string>.Empty.Add("field", "uptime_pct").Add("measurement", "network").Add("department", "xa-ban-bo");

        Assert.Equal(AlertFingerprint.Of("r", Labels), AlertFingerprint.Of("r", reordered));
        Assert.NotEqual(AlertFingerprint.Of("r", Labels), AlertFingerprint.Of("other", Labels));
        Assert.Matches("^[0-9a-f]{16}$", AlertFingerprint.Of("r", Labels));
    }

    private static AlertActor Actor(string name) => new(name, name);

    private (string Fingerprint, IAlertGrain Grain) Alert(string rule)
    {
        var fingerprint = AlertFingerprint.Of(rule, Labels);
        return (fingerprint, fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(fingerprint));
    }

    private static AlertSignal Signal(string rule, AlertCondition condition, double? value, DateTimeOffset at, TimeSpan @for) => new(
        rule, AlertSeverity.Warning, "so-noi-vu", Labels, condition, value, at, "Mạng yếu", "Network down", "mô tả", "description",
        new AlertSource(RuleScope.Series, "network,department=xa-ban-bo"), @for);
}
