using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

/// <summary>One real server shared by the tests of a collection; tests use distinct measurements.</summary>
public sealed class CenterFixture : IAsyncLifetime
{
    public CenterHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CenterHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CenterCollection : ICollectionFixture<CenterFixture>
{
    public const string Name = "center";
}
