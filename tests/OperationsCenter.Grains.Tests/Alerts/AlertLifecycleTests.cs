using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

[Collection(ClusterCollection.Name)]
public sealed class AlertLifecycleTests(ClusterFixture fixture)
{
    private static readonly ImmutableDictionary<string, string> Labels =
        ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("measurement", "network").Add("field", "uptime_pct");

    [Fact]
    public async Task An_alert_goes_pending_firing_acknowledged_resolved_and_the_index_follows()
    {
        var fingerprint = AlertFingerprint.Of("uptime-low-lifecycle", Labels);
        var alert = fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(fingerprint);
        var now = ClusterFixture.Clock.GetUtcNow();

        await alert.Signal(Signal(AlertState.Pending, 90, now));
        Assert.Equal(AlertState.Pending, (await alert.GetView())!.State);

        await alert.Signal(Signal(AlertState.Firing, 89, now.AddMinutes(5)));
        var firing = (await alert.GetView())!;
        Assert.Equal((AlertState.Firing, now, now.AddMinutes(5), 89.0), (firing.State, firing.StartsAt, firing.FiringSince!.Value, firing.Value!.Value));

        var acknowledged = await alert.Acknowledge("Nguyễn Văn An", "đã gọi VNPT");
        Assert.Equal((AlertState.Acknowledged, "Nguyễn Văn An", "đã gọi VNPT"), (acknowledged!.State, acknowledged.AcknowledgedBy, acknowledged.Note));

        // A repeat of the firing condition updates the value but keeps the acknowledgement.
        await alert.Signal(Signal(AlertState.Firing, 88, now.AddMinutes(6)));
        Assert.Equal((AlertState.Acknowledged, 88.0), ((await alert.GetView())!.State, (await alert.GetView())!.Value!.Value));

        await alert.Signal(Signal(AlertState.Resolved, 99, now.AddMinutes(20)));
        var resolved = (await alert.GetView())!;
        Assert.Equal((AlertState.Resolved, now.AddMinutes(20)), (resolved.State, resolved.EndsAt!.Value));

        var listed = await Await.UntilAsync(() => fixture.Cluster.GrainFactory.GetGrain<IAlertIndexGrain>(0).List(),
            list => list.Any(a => a.Fingerprint == fingerprint && a.State == AlertState.Resolved), "the index to list the resolved alert");
        Assert.Equal(("rule", AlertSeverity.Warning), (listed.Single(a => a.Fingerprint == fingerprint).RuleName, listed.Single(a => a.Fingerprint == fingerprint).Severity));
    }

    [Fact]
    public async Task Only_a_firing_alert_can_be_acknowledged_and_a_new_episode_starts_fresh()
    {
        var fingerprint = AlertFingerprint.Of("uptime-low-episodes", Labels);
        var alert = fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(fingerprint);
        var now = ClusterFixture.Clock.GetUtcNow();

        Assert.Null(await alert.Acknowledge("someone", null));
        await alert.Signal(Signal(AlertState.Firing, 80, now));
        await alert.Acknowledge("operator", "on it");
        await alert.Signal(Signal(AlertState.Resolved, 99, now.AddMinutes(1)));
        await alert.Signal(Signal(AlertState.Firing, 70, now.AddMinutes(2)));

        var second = (await alert.GetView())!;
        Assert.Equal(AlertState.Firing, second.State);
        Assert.Null(second.AcknowledgedBy);
        Assert.Null(second.EndsAt);
        Assert.Equal(now.AddMinutes(2), second.StartsAt);
    }

    [Fact]
    public void A_fingerprint_depends_on_rule_and_labels_not_their_order()
    {
        var reordered = ImmutableDictionary<string, string>.Empty.Add("field", "uptime_pct").Add("measurement", "network").Add("department", "xa-ban-bo");

        Assert.Equal(AlertFingerprint.Of("r", Labels), AlertFingerprint.Of("r", reordered));
        Assert.NotEqual(AlertFingerprint.Of("r", Labels), AlertFingerprint.Of("other", Labels));
        Assert.Matches("^[0-9a-f]{16}$", AlertFingerprint.Of("r", Labels));
    }

    private static AlertSignal Signal(AlertState state, double value, DateTimeOffset at) => new(
        "rule", AlertSeverity.Warning, "so-noi-vu", Labels, state, value, at, "Mạng yếu", "Network down", "mô tả", "description");
}
