using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SeriesPartitionGrainTests(ClusterFixture fixture)
{
    private static readonly SeriesPartitions Partitions = new();

    private ISeriesPartitionGrain PartitionOf(SeriesId series) =>
        Partitions.Of(fixture.Cluster.GrainFactory, series, series.Parse().Department);

    private async Task<SeriesSnapshot?> SnapshotOf(SeriesId series) =>
        (await PartitionOf(series).GetSnapshots()).SingleOrDefault(s => s.Key == series.Key);

    [Fact]
    public async Task Latest_value_and_windows_follow_the_points()
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        var series = new SeriesId("dossiers,department=so-noi-vu,desk=latest");
        await PartitionOf(series).Apply(Samples.Batch(series, now.AddSeconds(-30), ("received", 10)));
        await PartitionOf(series).Apply(Samples.Batch(series, now, ("received", 14)));

        var snapshot = await SnapshotOf(series);

        Assert.NotNull(snapshot);
        Assert.Equal(("dossiers", "so-noi-vu", "latest"), (snapshot.Measurement, snapshot.Department, snapshot.Tags["desk"]));
        var field = Assert.Single(snapshot.Fields);
        Assert.Equal(14, field.Value);
        var minute = field.Windows.Single(w => w.Window == "1m");
        Assert.Equal((2L, 24.0, 10.0, 14.0, 12.0), (minute.Count, minute.Sum, minute.Min!.Value, minute.Max!.Value, minute.Avg!.Value));
        Assert.Equal(2, snapshot.PointsReceived);
    }

    [Fact]
    public async Task Series_of_one_partition_keep_their_own_values()
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        var keys = Enumerable.Range(0, 40).Select(i => new SeriesId($"dossiers,department=so-tu-phap,desk=d{i}")).ToList();
        var partition = keys.GroupBy(k => k.PartitionOf(Partitions.PerDepartment)).OrderByDescending(g => g.Count()).First().ToList();
        Assert.True(partition.Count > 1, "some keys share a partition");

        var grain = PartitionOf(partition[0]);
        await grain.Apply([.. partition.SelectMany((k, i) => Samples.Batch(k, now, ("received", i)))]);

        var snapshots = (await grain.GetSnapshots()).Where(s => s.Department == "so-tu-phap").ToDictionary(s => s.Key);
        Assert.Equal(partition.Count, snapshots.Count);
        Assert.All(partition.Select((k, i) => (k, i)), p => Assert.Equal(p.i, Assert.Single(snapshots[p.k.Key].Fields).Value));
    }

    [Fact]
    public async Task An_older_point_does_not_overwrite_the_latest_value()
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        var series = new SeriesId("dossiers,department=so-noi-vu,desk=late-arrival");
        await PartitionOf(series).Apply(Samples.Batch(series, now, ("overdue", 3)));
        await PartitionOf(series).Apply(Samples.Batch(series, now.AddMinutes(-2), ("overdue", 99)));

        var field = Assert.Single((await SnapshotOf(series))!.Fields);

        Assert.Equal(3, field.Value);
        Assert.Equal(now, field.Time);
        Assert.Equal(2, field.Windows.Single(w => w.Window == "5m").Count);
        Assert.Equal(99, field.Windows.Single(w => w.Window == "5m").Max);
    }

    [Fact]
    public async Task Windows_empty_as_time_passes()
    {
        var series = new SeriesId("dossiers,department=xa-ban-bo,desk=aging");
        await PartitionOf(series).Apply(Samples.Batch(series, ClusterFixture.Clock.GetUtcNow(), ("received", 5)));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var windows = Assert.Single((await SnapshotOf(series))!.Fields).Windows;

        Assert.Equal(0, windows.Single(w => w.Window == "1m").Count);
        Assert.Null(windows.Single(w => w.Window == "1m").Last);
        Assert.Equal(1, windows.Single(w => w.Window == "5m").Count);
        Assert.Equal(5, windows.Single(w => w.Window == "1h").Last);
    }

    [Fact]
    public async Task A_series_that_never_received_a_point_has_no_snapshot()
    {
        var series = new SeriesId("never,department=so-xay-dung");
        PartitionOf(series).Reevaluate(series).Ignore();

        Assert.Null(await SnapshotOf(series));
    }
}
