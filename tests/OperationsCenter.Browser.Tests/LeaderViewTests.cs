using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>The leader view (<c>/leader.html</c>, phone-sized): critical alerts reach it through <c>leaderNotice</c> and are acknowledged there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaderViewTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Leader_view_receives_a_critical_alert_and_acknowledges_it()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Leader_view_receives_a_critical_alert_and_acknowledges_it), "/leader.html", 390, 844, TestUsers.Leader);
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Leader_view_receives_a_critical_alert_and_acknowledges_it) + "-wall");
        await leader.ExpectConnectedAsync();
        await leader.ExpectAsync(
            "the leader view to join the leaders' group (data-joined=\"true\")",
            () => Expect(leader.Connection).ToHaveAttributeAsync("data-joined", "true", new() { Timeout = 15_000 }));
        await wall.ExpectConnectedAsync();

        var dep = CenterHost.Departments[0];
        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=l down=2i");

        var item = leader.Page.GetByTestId("leader-alert").First;
        await leader.ExpectAsync("a leader-alert for the critical alert", () => Expect(item).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        await Expect(item).ToHaveAttributeAsync("data-kind", "firing");
        await Expect(item).ToHaveAttributeAsync("data-severity", "critical");
        await Expect(item.GetByTestId("leader-alert-title")).ToContainTextAsync("Mất dịch vụ");
        await Expect(item).ToContainTextAsync(TestDepartmentName(dep)); // where and who owns it
        var fingerprint = await item.GetAttributeAsync("data-fingerprint");
        Assert.False(string.IsNullOrEmpty(fingerprint), "Expected the leader-alert to carry data-fingerprint.");

        // A reload (a phone waking up) keeps what was already sent to leaders.
        await leader.Page.ReloadAsync();
        item = leader.Page.Locator($"[data-testid='leader-alert'][data-fingerprint='{fingerprint}']");
        await leader.ExpectAsync("the leader-alert back after a reload", () => Expect(item).ToBeVisibleAsync(new() { Timeout = 15_000 }));

        await item.GetByTestId("ack").ClickAsync();
        await item.GetByTestId("ack-note").FillAsync("Đã giao xử lý");
        await item.GetByTestId("ack-confirm").ClickAsync();
        await leader.ExpectAsync(
            "the leader-alert to become acknowledged",
            () => Expect(item).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 }));
        // By the person's display name with the time it was taken (no placeholder left), and the note.
        await Expect(item.GetByTestId("alert-ack-by")).ToContainTextAsync(TestUsers.Leader.DisplayName!);
        await Expect(item.GetByTestId("alert-ack-by")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"lúc \d{2}:\d{2}"));
        await Expect(item.GetByTestId("alert-ack-by")).ToContainTextAsync("Đã giao xử lý");

        // The wall sees the leader's acknowledgement too.
        var onWall = wall.Page.Locator($"[data-testid='alert'][data-fingerprint='{fingerprint}']");
        await wall.ExpectAsync(
            "the wall to see the leader's acknowledgement",
            () => Expect(onWall).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 }));
    }

    [Fact]
    public async Task Screenshots_of_the_wall_with_alerts_at_1920x1080_and_of_the_leader_view_at_390x844()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "leader-screenshot", "/leader.html", 390, 844, TestUsers.Leader);
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "wall-alerts-screenshot");
        await leader.ExpectConnectedAsync();
        await Expect(leader.Connection).ToHaveAttributeAsync("data-joined", "true", new() { Timeout = 15_000 });
        await wall.ExpectConnectedAsync();

        foreach (var (dep, i) in CenterHost.Departments.Select((d, i) => (d, i)))
        {
            await host.WriteLinesAsync(dep, $"""
                dossiers,desk=main received={120 + (i * 7)}i,resolved_on_time={97 + i}i,overdue={i % 3}i
                {AlertRules.Measurement},site=s{i} down={i + 1}i
                """);
        }

        await Expect(wall.Alerts).ToHaveCountAsync(CenterHost.Departments.Count, new() { Timeout = 15_000 });
        await Expect(leader.Page.GetByTestId("leader-alert")).ToHaveCountAsync(CenterHost.Departments.Count, new() { Timeout = 15_000 });

        await CheckScreenshotAsync(wall, "wall-alerts-1920x1080.png", 1920, 1080);
        await CheckScreenshotAsync(leader, "leader-390x844.png", 390, 844);
    }

    private static string TestDepartmentName(string id) => TestDepartments.All.Single(d => d.Id == id).Name;

    private async Task CheckScreenshotAsync(WallPage page, string fileName, int width, int height)
    {
        var path = await page.SaveScreenshotAsync(fileName);
        output.WriteLine($"screenshot: {path}");
        var bytes = await File.ReadAllBytesAsync(path);
        var (w, h) = Screenshots.PngSize(bytes);
        Assert.True(w == width && h == height, $"Expected a {width}×{height} screenshot at {path}, got {w}×{h}.");
        Assert.True(bytes.Length > 10_000, $"Expected a non-trivial screenshot (> 10 000 bytes) at {path}, got {bytes.Length} bytes.");
        var colours = await Screenshots.DistinctColoursAsync(page.Page, bytes);
        Assert.True(colours >= 8, $"Expected the screenshot {path} not to be blank (at least 8 distinct colours among sampled pixels), got {colours}.");
    }
}
