using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Overview;

namespace OperationsCenter.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DepartmentAndOverviewTests(ClusterFixture fixture)
{
    private IOverviewGrain Overview => fixture.Cluster.GrainFactory.GetGrain<IOverviewGrain>(0);

    [Fact]
    public async Task The_overview_lists_configured_departments_before_they_report()
    {
        var snapshot = await Overview.GetSnapshot();

        Assert.Contains(snapshot.Departments, d => d.Id == "so-noi-vu" && d.Name == "Sở Nội vụ");
        Assert.Contains(snapshot.Departments, d => d.Id == "xa-ban-bo" && d.Name == "Bản Bo");
    }

    [Fact]
    public async Task A_department_turns_fresh_then_late_then_silent_as_the_clock_moves()
    {
        const string id = "so-freshness";
        var department = fixture.Cluster.GrainFactory.GetGrain<IDepartmentGrain>(id);
        await department.Report(new DepartmentActivity(5, ["m,department=so-freshness"], ClusterFixture.Clock.GetUtcNow()));

        await Await.UntilAsync(() => Status(id), s => s is { Freshness: Freshness.Fresh, PointsReceived: 5, SeriesCount: 1 },
            "the overview to show the department fresh with 5 points and 1 series");

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await Await.UntilAsync(() => Status(id), s => s?.Freshness == Freshness.Late, "late after 6 minutes of silence");

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(25));
        await Await.UntilAsync(() => Status(id), s => s?.Freshness == Freshness.Silent, "silent after 31 minutes of silence");

        await department.Report(new DepartmentActivity(1, [], ClusterFixture.Clock.GetUtcNow()));
        await Await.UntilAsync(() => Status(id), s => s is { Freshness: Freshness.Fresh, PointsReceived: 6 }, "fresh again after a new point");
    }

    private async Task<DepartmentStatus?> Status(string id) =>
        (await Overview.GetSnapshot()).Departments.FirstOrDefault(d => d.Id == id);
}
