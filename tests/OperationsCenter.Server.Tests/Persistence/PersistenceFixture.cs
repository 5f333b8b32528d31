using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>One influxd and one center for the persistence tests that leave both running.</summary>
public sealed class PersistenceFixture : IAsyncLifetime
{
    public InfluxProcess Influx { get; private set; } = null!;

    public CenterHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Influx = await InfluxProcess.StartAsync();
        Host = await CenterHost.StartAsync(InfluxCenter.Settings(Influx));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Influx.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PersistenceCollection : ICollectionFixture<PersistenceFixture>
{
    public const string Name = "persistence";
}
