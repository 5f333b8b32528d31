using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The leader view away from the wall: the last 24 h of alerts sent to leaders come from the server (resolved ones
/// greyed with how they ended), the headline indicators show, the service worker registers, and "Nhận thông báo"
/// stores this browser's push subscription.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaderRecentTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_leader_opening_the_view_after_alerts_were_sent_and_resolved_sees_them_greyed_with_how_they_ended()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        var units = CenterHost.Departments.Take(2).ToArray();

        // Two critical alerts are sent to leaders and resolved while no leader has the view open.
        foreach (var unit in units)
        {
            await host.WriteLinesAsync(unit, $"{AlertRules.Measurement},site=r down=3i");
        }

        await AwaitLeaderListAsync(host, l => l.Count(e => State(e) == "firing") == 2, "two firing alerts sent to leaders");
        foreach (var unit in units)
        {
            await host.WriteLinesAsync(unit, $"{AlertRules.Measurement},site=r down=0i");
        }

        await AwaitLeaderListAsync(host, l => l.Count(e => State(e) == "resolved") == 2, "both alerts resolved");

        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "leader-recent", "/leader.html", 390, 844, TestUsers.Leader);
        var items = leader.Page.GetByTestId("leader-alert");
        await leader.ExpectAsync("both resolved alerts on the 24 h list", () => Expect(items).ToHaveCountAsync(2, new() { Timeout = 15_000 }));
        await Expect(leader.Page.GetByTestId("leader-empty")).ToBeHiddenAsync();
        for (var i = 0; i < 2; i++)
        {
            var item = items.Nth(i);
            await Expect(item).ToHaveAttributeAsync("data-state", "resolved");
            await Expect(item.GetByTestId("leader-alert-title")).ToContainTextAsync("Mất dịch vụ");

            // How and when it ended, as people write it ("04:51, 02/12/2026").
            await Expect(item.GetByTestId("leader-alert-ended")).ToContainTextAsync(DateTimeRegex("Đã trở lại bình thường lúc "));
            await Expect(item).ToContainTextAsync(DateTimeRegex(""));

            // Greyed: a person tells an ended alert from an open one at a glance.
            var opacity = await item.EvaluateAsync<string>("el => getComputedStyle(el).opacity");
            Assert.True(double.Parse(opacity, System.Globalization.CultureInfo.InvariantCulture) < 0.8, $"Expected a resolved alert greyed (opacity < 0.8), got {opacity}.");
        }

        // The page is installable: its manifest is served as one, and its service worker takes the view's scope.
        var manifest = await leader.Page.Context.APIRequest.GetAsync("/leader.webmanifest");
        Assert.Equal(200, manifest.Status);
        Assert.StartsWith("application/manifest+json", manifest.Headers["content-type"], StringComparison.Ordinal);
        var scope = await leader.Page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.scope)");
        Assert.EndsWith("/leader", scope, StringComparison.Ordinal);
        var worker = await leader.Page.Context.APIRequest.GetAsync("/leader-sw.js");
        Assert.StartsWith("text/javascript", worker.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_notifications_stores_this_browsers_push_subscription_on_the_server()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "leader-push", "/leader.html", 390, 844, TestUsers.Leader);
        await leader.Page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = host.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await leader.ExpectConnectedAsync();
        await leader.Page.EvaluateAsync("() => navigator.serviceWorker.ready");

        var button = leader.Page.GetByTestId("notify-enable");
        await leader.ExpectAsync("the 'Nhận thông báo' button", () => Expect(button).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        await Expect(button).ToHaveTextAsync("Nhận thông báo");
        await button.ClickAsync();
        await leader.ExpectAsync(
            "the subscription to finish (data-state subscribed or failed)",
            () => Expect(button).ToHaveAttributeAsync("data-state", new Regex("^(subscribed|failed)$"), new() { Timeout = 20_000 }));

        string endpoint;
        if (await button.GetAttributeAsync("data-state") == "subscribed")
        {
            endpoint = await leader.Page.EvaluateAsync<string>(
                "async () => (await (await navigator.serviceWorker.getRegistration('/leader')).pushManager.getSubscription()).endpoint");
            await Expect(leader.Page.GetByTestId("notify-status")).ToBeVisibleAsync();
            await Expect(button).ToBeHiddenAsync();
        }
        else
        {
            // Headless Chromium has no push service to subscribe with (no vendor connection): the page's own saving
            // step is given a subscription shaped like the browser's, through the same endpoint the button uses.
            output.WriteLine("pushManager.subscribe failed in this Chromium (no push service); stored a browser-shaped subscription through the page's saveSubscription");
            endpoint = "https://push.example.invalid/wpush/v2/" + Guid.NewGuid().ToString("N");
            await leader.Page.EvaluateAsync(
                """
                async endpoint => {
                  const key = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
                  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey));
                  const b64 = bytes => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
                  const { saveSubscription } = await import('/js/leader-push.js');
                  await saveSubscription({ endpoint, expirationTime: null, keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) } });
                }
                """, endpoint);
        }

        using var client = await host.CreateClientAsync(TestUsers.Leader);
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/push/subscriptions");
        Assert.Contains(stored.EnumerateArray(), s => s.GetProperty("endpoint").GetString() == endpoint);
    }

    [Fact]
    public async Task Screenshots_of_the_leader_view_with_firing_and_resolved_alerts_and_the_indicators_at_390x844_and_1920x1080()
    {
        using var rules = AlertRules.Create();
        await using var host = await CenterHost.StartAsync(DemoProvince.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:RulesDirectory"] = rules.Directory,
        }));
        await DemoProvince.WriteRoundAsync(host, 0);
        var units = new[] { "xa-ban-bo", "phuong-tan-phong", "so-noi-vu" };
        foreach (var unit in units)
        {
            await host.WriteLinesAsync(unit, $"{AlertRules.Measurement},site=main down=2i");
        }

        await AwaitLeaderListAsync(host, l => l.Count(e => State(e) == "firing") == 3, "three firing alerts sent to leaders");
        await host.WriteLinesAsync(units[2], $"{AlertRules.Measurement},site=main down=0i");
        await AwaitLeaderListAsync(host, l => l.Count(e => State(e) == "resolved") == 1, "one alert resolved");

        await using var leader = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "leader-screens", "/leader.html", 390, 844, TestUsers.Leader);
        await leader.ExpectConnectedAsync();
        await Expect(leader.Page.GetByTestId("leader-alert")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        var indicators = leader.Page.GetByTestId("indicator");
        await leader.ExpectAsync("the headline indicators with values", () => Expect(indicators.First.Locator(".ind-value")).Not.ToHaveAttributeAsync("data-value", "", new() { Timeout = 15_000 }));
        Assert.True(await indicators.CountAsync() >= 4, "Expected the catalog's headline indicators on the leader view.");
        Assert.Empty(leader.PageErrors);

        foreach (var (width, height) in new[] { (390, 844), (1920, 1080) })
        {
            await leader.Page.SetViewportSizeAsync(width, height);
            var path = await leader.SaveScreenshotAsync($"leader-{width}x{height}.png");
            output.WriteLine($"screenshot: {path}");
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal((width, height), Screenshots.PngSize(bytes));
            Assert.True(await Screenshots.DistinctColoursAsync(leader.Page, bytes) >= 8, $"Expected the screenshot {path} not to be blank.");
        }

        // Legible on a phone: the indicator figures are large, and nothing is wider than the screen.
        await leader.Page.SetViewportSizeAsync(390, 844);
        await leader.Page.ScreenshotAsync(new() { Path = WallPage.ArtifactPath("leader-390-full.png"), FullPage = true });
        var fontSize = await indicators.First.Locator(".ind-value").EvaluateAsync<string>("el => getComputedStyle(el).fontSize");
        Assert.True(double.Parse(fontSize.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 28, $"Expected indicator figures of at least 28px on a phone, got {fontSize}.");
        Assert.True(await leader.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Expected no horizontal scrolling on a phone.");
    }

    private static string State(JsonElement entry) => entry.GetProperty("alert").GetProperty("state").GetString()!;

    private static Regex DateTimeRegex(string prefix) => new(Regex.Escape(prefix) + @"\d{2}:\d{2}, \d{2}/\d{2}/\d{4}");

    private static async Task AwaitLeaderListAsync(CenterHost host, Func<JsonElement[], bool> done, string expected)
    {
        using var client = await host.CreateClientAsync(TestUsers.Leader);
        await Await.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts/leader?hours=24")).EnumerateArray().ToArray(),
            done, expected, TimeSpan.FromSeconds(20));
    }
}
