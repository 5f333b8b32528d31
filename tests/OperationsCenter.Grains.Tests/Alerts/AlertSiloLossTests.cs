using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Storage;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace OperationsCenter.Grains.Tests.Alerts;

/// <summary>
/// A silo dies (killed, not stopped) with alerts and the alert list on it: the alerts reactivate on the survivor from
/// their stored records, acknowledgements and notes intact, and the list is rebuilt from storage, complete.
/// </summary>
public sealed class AlertSiloLossTests : IAsyncLifetime
{
    private static readonly MemoryStateTable Table = new();

    private readonly TestCluster _cluster = new TestClusterBuilder(2).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Alerts_and_their_list_survive_the_death_of_the_silo_that_held_them()
    {
        var grains = _cluster.GrainFactory;
        var now = ClusterFixture.Clock.GetUtcNow();
        var fingerprints = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            // Twelve alerts spread over both silos by random placement; every other one acknowledged with a note.
            var labels = ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("measurement", "network").Add("link", $"l{i}");
            var fingerprint = AlertFingerprint.Of("link-down-loss", labels);
            var alert = grains.GetGrain<IAlertGrain>(fingerprint);
            await alert.Signal(new AlertSignal("link-down-loss", AlertSeverity.Warning, "so-noi-vu", labels, AlertCondition.Breached, 0, now,
                "Mất kết nối", "Link down", "mô tả", "description", new AlertSource(RuleScope.Series, $"network,department=xa-ban-bo,link=l{i}"), TimeSpan.Zero));
            if (i % 2 == 0)
            {
                await alert.Acknowledge(new AlertActor("hung.lv", "Lò Văn Hùng"), $"đang xử lý {i}");
            }

            fingerprints.Add(fingerprint);
        }

        Assert.Equal(12, (await grains.GetGrain<IAlertIndexGrain>(0).List()).Count(a => a.RuleName == "link-down-loss"));

        await _cluster.KillSiloAsync(_cluster.SecondarySilos[0]);

        for (var i = 0; i < fingerprints.Count; i++)
        {
            var view = await Await.UntilAsync(() => Tolerant(() => grains.GetGrain<IAlertGrain>(fingerprints[i]).GetView()), v => v is not null,
                $"alert {i} readable after the silo died", TimeSpan.FromSeconds(60));
            Assert.Equal(i % 2 == 0 ? (AlertState.Acknowledged, $"đang xử lý {i}") : (AlertState.Firing, null), (view!.State, view.Note));
        }

        var listed = await Await.UntilAsync(() => Tolerant(async () => (ImmutableArray<AlertView>?)await grains.GetGrain<IAlertIndexGrain>(0).List()),
            list => list is { } l && l.Count(a => a.RuleName == "link-down-loss") == 12, "the list of all twelve alerts on the survivor", TimeSpan.FromSeconds(60));
        Assert.Equal(6, listed!.Value.Count(a => a.RuleName == "link-down-loss" && a.State == AlertState.Acknowledged));
    }

    /// <summary>Null while calls still reach the dead silo (until membership has declared it dead).</summary>
    private static async Task<T?> Tolerant<T>(Func<Task<T?>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception)
        {
            return default;
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddTableGrainStorage(AlertStorage.Name, _ => Table);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.ConfigureServices(services =>
            {
                services.AddSingleton(new LiveStateClock(ClusterFixture.Clock));
                services.AddLiveState(new ConfigurationBuilder().Build());
            });
        }
    }
}
