using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using Orleans.TestingHost;

namespace OperationsCenter.Grains.Tests.Alerts;

[Collection(ClusterCollection.Name)]
public sealed class DeadmanGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_department_that_stops_reporting_fires_its_deadman_and_resolves_when_it_speaks_again()
    {
        const string department = "xa-deadman";
        var rule = Rules.Base(RuleKind.Deadman) with
        {
            Name = "commune-silent",
            Match = new SeriesMatcher("*", "*", ImmutableDictionary<string, string>.Empty.Add("department", department)),
            Silence = TimeSpan.FromMinutes(10),
            Scope = RuleScope.Department,
        };
        foreach (var silo in fixture.Cluster.Silos.OfType<InProcessSiloHandle>())
        {
            var set = silo.SiloHost.Services.GetRequiredService<AlertRuleSet>();
            set.Replace(set.Current.Add(rule));
        }

        var grain = fixture.Cluster.GrainFactory.GetGrain<IDepartmentGrain>(department);
        await grain.Report(new DepartmentActivity(1, ["m,department=xa-deadman"], ClusterFixture.Clock.GetUtcNow()));
        var fingerprint = AlertFingerprint.Of("commune-silent", ImmutableDictionary<string, string>.Empty.Add("department", department));
        var alert = fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(fingerprint);
        Assert.Null(await alert.GetView());

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var firing = await Await.UntilAsync(alert.GetView, v => v?.State == AlertState.Firing, "the deadman to fire after 11 silent minutes");
        Assert.Equal(11, firing!.Value!.Value, precision: 0);

        await grain.Report(new DepartmentActivity(1, [], ClusterFixture.Clock.GetUtcNow()));
        await Await.UntilAsync(alert.GetView, v => v?.State == AlertState.Resolved, "the deadman to resolve once the department reports");
    }
}
