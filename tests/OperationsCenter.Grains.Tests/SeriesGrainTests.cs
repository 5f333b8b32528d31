using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SeriesGrainTests(ClusterFixture fixture)
{
    private ISeriesGrain Series(string key) => fixture.Cluster.GrainFactory.GetGrain<ISeriesGrain>(key);

    [Fact]
    public async Task Latest_value_and_windows_follow_the_points()
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        var grain = Series("dossiers,department=so-noi-vu,desk=latest");
        await grain.Apply(Samples.Batch("so-noi-vu", now.AddSeconds(-30), ("received", 10)));
        await grain.Apply(Samples.Batch("so-noi-vu", now, ("received", 14)));

        var snapshot = await grain.GetSnapshot();

        Assert.NotNull(snapshot);
        var field = Assert.Single(snapshot.Fields);
        Assert.Equal(14, field.Value);
        var minute = field.Windows.Single(w => w.Window == "1m");
        Assert.Equal((2L, 24.0, 10.0, 14.0, 12.0), (minute.Count, minute.Sum, minute.Min!.Value, minute.Max!.Value, minute.Avg!.Value));
        Assert.Equal(2, snapshot.PointsReceived);
    }

    [Fact]
    public async Task An_older_point_does_not_overwrite_the_latest_value()
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        var grain = Series("dossiers,department=so-noi-vu,desk=late-arrival");
        await grain.Apply(Samples.Batch("so-noi-vu", now, ("overdue", 3)));
        await grain.Apply(Samples.Batch("so-noi-vu", now.AddMinutes(-2), ("overdue", 99)));

        var field = Assert.Single((await grain.GetSnapshot())!.Fields);

        Assert.Equal(3, field.Value);
        Assert.Equal(now, field.Time);
        Assert.Equal(2, field.Windows.Single(w => w.Window == "5m").Count);
        Assert.Equal(99, field.Windows.Single(w => w.Window == "5m").Max);
    }

    [Fact]
    public async Task Windows_empty_as_time_passes()
    {
        var grain = Series("dossiers,department=xa-ban-bo,desk=aging");
        await grain.Apply(Samples.Batch("xa-ban-bo", ClusterFixture.Clock.GetUtcNow(), ("received", 5)));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var windows = Assert.Single((await grain.GetSnapshot())!.Fields).Windows;

        Assert.Equal(0, windows.Single(w => w.Window == "1m").Count);
        Assert.Null(windows.Single(w => w.Window == "1m").Last);
        Assert.Equal(1, windows.Single(w => w.Window == "5m").Count);
        Assert.Equal(5, windows.Single(w => w.Window == "1h").Last);
    }

    [Fact]
    public async Task A_series_that_never_received_a_point_has_no_snapshot()
    {
        Assert.Null(await Series("never,department=so-noi-vu").GetSnapshot());
    }
}
