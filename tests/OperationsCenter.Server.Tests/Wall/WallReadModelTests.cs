using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using OperationsCenter.Catalog;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;
using OperationsCenter.Grains.Wall;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Wall;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Wall;

/// <summary>
/// The read model's merge of pushes and reads from the grains, which arrive in any order: a read taken before a push
/// never undoes it, and a resolved alert does not come back with an older view. The processes around it are tested in
/// <see cref="WallHubTests"/> and <see cref="WallSnapshotRestartTests"/>.
/// </summary>
public sealed class WallReadModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly ProvinceCatalog Catalog = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
    private readonly FakeTimeProvider _clock = new(T0);

    [Fact]
    public void A_push_that_arrived_while_seeding_is_not_undone_by_the_older_read_and_a_newer_read_wins()
    {
        var model = Model();
        model.Apply(Batch(series: [Series("a", 41, T0.AddSeconds(2))]));
        model.Load([], [Series("a", 40, T0.AddSeconds(1)), Series("b", 7, T0)], [], T0);
        Assert.True(model.IsSeeded);
        Assert.Equal(41, Value(model, "a"));
        Assert.Equal(7, Value(model, "b"));

        // A read newer than what the model holds (its push not yet arrived) is taken, and the late push does not undo it.
        model.Load([], [Series("b", 8, T0.AddSeconds(3))], [], T0);
        model.Apply(Batch(series: [Series("b", 7, T0)]));
        Assert.Equal(8, Value(model, "b"));
    }

    [Fact]
    public void A_department_keeps_its_newer_status_by_last_seen_then_freshness()
    {
        var model = Model();
        var seen = T0.AddMinutes(-20);
        model.Apply(Batch(departments: [Department("xa-ban-bo", seen, Freshness.Late)]));
        model.Load([Department("xa-ban-bo", seen, Freshness.Fresh), Department("so-noi-vu", null, Freshness.Silent)], [], [], T0);
        Assert.Equal(Freshness.Late, Status(model, "xa-ban-bo").Freshness);

        model.Apply(Batch(departments: [Department("xa-ban-bo", T0, Freshness.Fresh)]));
        Assert.Equal(Freshness.Fresh, Status(model, "xa-ban-bo").Freshness);
        Assert.Equal(["so-noi-vu", "xa-ban-bo"], model.Snapshot(leaderView: false).Departments.Select(d => d.Id));
    }

    [Fact]
    public void A_resolved_alert_leaves_the_model_and_an_older_open_view_does_not_bring_it_back()
    {
        var model = Model();
        model.Apply(Batch(alerts: [Alert("fp", AlertState.Firing, 2)]));
        model.Apply(Batch(alerts: [Alert("fp", AlertState.Resolved, 3)]));
        Assert.Empty(model.Snapshot(leaderView: false).Alerts);

        // The seed listed it open before it resolved; a batch from another silo carries an older view.
        model.Load([], [], [Alert("fp", AlertState.Firing, 2)], T0);
        model.Apply(Batch(alerts: [Alert("fp", AlertState.Acknowledged, 1)]));
        Assert.Empty(model.Snapshot(leaderView: false).Alerts);

        // It fires again: a newer revision.
        model.Apply(Batch(alerts: [Alert("fp", AlertState.Firing, 4)]));
        Assert.Equal(4, Assert.Single(model.Snapshot(leaderView: false).Alerts).Revision);
    }

    [Fact]
    public void An_open_alert_the_index_no_longer_lists_leaves_the_model_unless_it_changed_after_the_listing()
    {
        var model = Model();
        model.Apply(Batch(alerts: [Alert("lost-resolve", AlertState.Firing, 2), Alert("fired-meanwhile", AlertState.Firing, 30)]));

        // Listed at T0+10 s: the first resolved without its push reaching here; the second fired after the listing.
        model.Load([], [], [], T0.AddSeconds(10));

        Assert.Equal(["fired-meanwhile"], model.Snapshot(leaderView: false).Alerts.Select(a => a.Fingerprint));
    }

    [Fact]
    public void Only_series_of_catalog_metrics_are_kept_and_pushed_and_the_leader_view_gets_the_headline_ones()
    {
        var model = Model();
        var shown = model.Apply(Batch(series: [
            Series("dossiers,desk=main", 3, T0, "dossiers", "overdue"),
            Series("monthly_report,desk=main", 1, T0, "monthly_report", "submitted"),
            Series("load,unit=u1", 5, T0, "load", "f0"),
        ]));
        Assert.Equal(["dossiers,desk=main", "monthly_report,desk=main"], shown.Select(s => s.Key));
        Assert.Equal(["dossiers,desk=main", "monthly_report,desk=main"], model.Snapshot(leaderView: false).Series.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["dossiers,desk=main"], model.Snapshot(leaderView: true).Series.Select(s => s.Key));

        // Without a catalog the wall has no other guide: every series.
        var all = new WallReadModel(new WallSeriesSelection(new ConfiguredCatalog(null, null)), new Silencing(), _clock);
        Assert.Equal(3, all.Apply(Batch(series: [.. shown, Series("load,unit=u1", 5, T0, "load", "f0")])).Length);
    }

    private WallReadModel Model() => new(new WallSeriesSelection(new ConfiguredCatalog(Catalog, null)), new Silencing(), _clock);

    private static WallBatch Batch(
        ImmutableArray<SeriesUpdate> series = default, ImmutableArray<DepartmentStatus> departments = default, ImmutableArray<AlertView> alerts = default) =>
        new(series.IsDefault ? [] : series, departments.IsDefault ? [] : departments, alerts.IsDefault ? [] : alerts, []);

    private static SeriesUpdate Series(string key, double value, DateTimeOffset at, string measurement = "services", string field = "online_share_pct") =>
        new(key, measurement, "xa-ban-bo", ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo"), [new FieldLatest(field, value, at)], at);

    private static DepartmentStatus Department(string id, DateTimeOffset? lastSeen, Freshness freshness) => new(id, id, lastSeen, 1, 1, freshness);

    private static AlertView Alert(string fingerprint, AlertState state, long revision) =>
        new(fingerprint, "r", AlertSeverity.Warning, state, "so-noi-vu", ImmutableDictionary<string, string>.Empty, "t", "t", "d", "d", 1, T0, T0, null, null, null, null, T0.AddSeconds(revision))
        {
            Revision = revision,
        };

    private static double Value(WallReadModel model, string key) =>
        model.Snapshot(leaderView: false).Series.Single(s => s.Key == key).Fields[0].Value;

    private static DepartmentStatus Status(WallReadModel model, string id) => model.Snapshot(leaderView: false).Departments.Single(d => d.Id == id);

    private sealed class Silencing : IAlertSilencing
    {
        public bool IsSilenced(AlertView alert, DateTimeOffset at) => false;
    }
}
