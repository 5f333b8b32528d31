using System.Globalization;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// Pages opened after the data arrived: all they show comes from the hub's snapshot (the node's wall read model), in
/// the shape of the pushes. Pictures at the control room's 1920×1080 and a laptop's 1366×768, and the leader view.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallSnapshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_wall_opened_after_points_and_an_alert_shows_them_from_its_snapshot_at_1920x1080_and_1366x768()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        var departments = CenterHost.Departments;
        var dep = departments[0];
        for (var i = 0; i < departments.Count; i += 2)
        {
            await host.WriteLinesAsync(departments[i], WallScreenshotTests.Lines(i, 0));
        }

        // A breaking point of the rule's series, and a series of a measurement the catalog does not know.
        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=a down=2i\nt_not_in_catalog,desk=main value=7");
        var overdue = Enumerable.Range(0, departments.Count).Where(i => i % 2 == 0).Sum(i => i % 3).ToString(CultureInfo.InvariantCulture);

        // A first wall sees it all arrive; the ones opened after it get nothing but their snapshot, as no point follows.
        await using (var first = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "snapshot-first"))
        {
            await first.ExpectTileValueAsync("dossiers.overdue", overdue);
            await first.ExpectAsync("the alert row", () => Expect(first.Alerts).ToHaveCountAsync(1, new() { Timeout = 15_000 }));
        }

        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            var name = $"wall-snapshot-{width}x{height}";
            await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name, "/", width, height);
            await wall.ExpectConnectedAsync();
            await wall.ExpectTileValueAsync("dossiers.overdue", overdue);
            await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey(AlertRules.Measurement, dep, "site", "a"), "down", "2");
            await wall.ExpectAsync("the alert row from the snapshot", () => Expect(wall.Alerts).ToHaveCountAsync(1));
            await Expect(wall.Department(dep).GetByTestId("department-alerts")).ToHaveAttributeAsync("data-count", "1");
            await Expect(wall.Series(dep, WallPage.SeriesKey("t_not_in_catalog", dep, "desk", "main"))).ToHaveCountAsync(0);
            Assert.Empty(wall.PageErrors);
            output.WriteLine($"screenshot: {await wall.SaveScreenshotAsync(name + ".png")}");
        }

        // The leader view: the headline indicators from its snapshot's series, and the critical alert sent to leaders.
        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "leader-snapshot", "/leader.html", 390, 844, TestUsers.Leader);
        await Expect(leader.Page.Locator("[data-testid='indicator'][data-metric='dossiers.overdue'] .ind-value"))
            .ToHaveAttributeAsync("data-value", overdue, new() { Timeout = 15_000 });
        await leader.ExpectAsync("the critical alert sent to leaders", () => Expect(leader.Page.GetByTestId("leader-alert")).ToHaveCountAsync(1, new() { Timeout = 15_000 }));
        Assert.Empty(leader.PageErrors);
        output.WriteLine($"screenshot: {await leader.SaveScreenshotAsync("leader-snapshot-390x844.png")}");
    }
}
