using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The wall reconnects by itself when the server restarts (a new server process on the same port) and then shows the
/// new server's snapshot only: nothing the old server had survives on the page.
/// </summary>
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

    [Fact]
    public async Task After_a_reconnect_the_wall_shows_the_fresh_snapshot_and_no_stale_alert_or_series()
    {
        // Alerts kept in memory (the test servers' default) and no InfluxDB to restore series from: the restarted
        // server has neither the alert nor the series of before, so neither may linger on the wall.
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(After_a_reconnect_the_wall_shows_the_fresh_snapshot_and_no_stale_alert_or_series));
        var dep = CenterHost.Departments[0];
        var before = WallPage.SeriesKey(AlertRules.Measurement, dep, "site", "before");
        var after = WallPage.SeriesKey(AlertRules.Measurement, dep, "site", "after");

        await wall.ExpectConnectedAsync();
        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=before down=2i");
        await wall.ExpectFieldValueAsync(dep, before, "down", "2");
        await wall.ExpectAsync("the alert row of the breaking write", () => Expect(wall.Alerts).ToHaveCountAsync(1, new() { Timeout = 15_000 }));
        await Expect(wall.Department(dep).GetByTestId("department-alerts")).ToHaveAttributeAsync("data-count", "1");

        await wall.RecordConnectionStatesAsync();
        await host.RestartAsync();
        await wall.ExpectRecordedStateOtherThanConnectedAsync();
        await wall.ExpectConnectedAsync(WallPage.ReconnectDeadline);

        // What the new server holds, so the page is checked against it and a failure says which side is wrong.
        using (var api = await host.CreateClientAsync(TestUsers.Operator))
        {
            var alerts = await api.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
            Assert.True(alerts.GetArrayLength() == 0, $"expected the restarted server (alerts in memory) to hold no alert, it holds {alerts}");
            var series = await api.GetFromJsonAsync<JsonElement>($"/api/v1/series?measurement={AlertRules.Measurement}");
            Assert.True(series.GetArrayLength() == 0, $"expected the restarted server (no InfluxDB) to hold no {AlertRules.Measurement} series, it holds {series}");
        }

        // A value written after the restart shows, so the new connection's snapshot and pushes are applied ...
        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=after down=0i");
        await wall.ExpectFieldValueAsync(dep, after, "down", "0");

        // ... and what only the old server had is gone from the page.
        await wall.ExpectAsync("no alert row after the reconnect (the fresh snapshot has none)", () => Expect(wall.Alerts).ToHaveCountAsync(0));
        await Expect(wall.Department(dep).GetByTestId("department-alerts")).ToHaveAttributeAsync("data-count", "0");
        await wall.ExpectAsync(
            $"no row of series '{before}' after the reconnect (the restarted server does not have it)",
            () => Expect(wall.Series(dep, before)).ToHaveCountAsync(0));
        await wall.ExpectNotReloadedAsync();
    }
}
