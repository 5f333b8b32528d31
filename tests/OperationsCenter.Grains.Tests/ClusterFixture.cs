using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OperationsCenter.Grains.Storage;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace OperationsCenter.Grains.Tests;

/// <summary>An in-process cluster of two silos sharing one fake clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The clock every silo's grains read; tests advance it instead of sleeping.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Alert storage shared by the silos.</summary>
    public static MemoryStateTable AlertTable { get; } = new();

    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OperationsCenter:Departments:0:Id"] = "so-noi-vu",
                ["OperationsCenter:Departments:0:Name"] = "Sở Nội vụ",
                ["OperationsCenter:Departments:1:Id"] = "xa-ban-bo",
                ["OperationsCenter:Departments:1:Name"] = "Bản Bo",
                ["OperationsCenter:Freshness:LateAfter"] = "00:05:00",
                ["OperationsCenter:Freshness:SilentAfter"] = "00:30:00",
                ["OperationsCenter:Freshness:CheckInterval"] = "00:00:00.050",
            }).Build();
            // One table for both silos, as one Redis would be: the index rebuilds from it wherever it activates.
            siloBuilder.Services.AddTableGrainStorage(OperationsCenter.Grains.Alerts.AlertStorage.Name, _ => AlertTable);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.ConfigureServices(services =>
            {
                services.AddSingleton(new LiveStateClock(Clock));
                services.AddLiveState(configuration);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
