using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Browser.Tests;

/// <summary>The wall reconnects by itself when the server restarts (a new server process on the same port).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallReconnectTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Wall_reconnects_by_itself_after_a_server_restart()
    {
        await using var host = await CenterHost.StartAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Wall_reconnects_by_itself_after_a_server_restart));
        var dep = CenterHost.Departments[0];
        var key = WallPage.SeriesKey("dossiers", dep, "desk", "main");

        await wall.ExpectConnectedAsync();
        await host.WriteLinesAsync(dep, "dossiers,desk=main received=41i");
        await wall.ExpectFieldValueAsync(dep, key, "received", "41");

        await wall.RecordConnectionStatesAsync();
        await host.RestartAsync();

        await wall.ExpectRecordedStateOtherThanConnectedAsync();
        await wall.ExpectConnectedAsync(WallPage.ReconnectDeadline);

        await host.WriteLinesAsync(dep, "dossiers,desk=main received=43i");
        await wall.ExpectFieldValueAsync(dep, key, "received", "43");
        await wall.ExpectNotReloadedAsync();
    }
}
