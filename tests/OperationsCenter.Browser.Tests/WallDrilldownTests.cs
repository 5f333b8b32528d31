using System.Globalization;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A unit's drill-down: its figures over the last hour from InfluxDB (uPlot), its open alerts; Escape closes it, and
/// the wall keeps updating behind it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallDrilldownTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string HistoryDatabase = "oc_wall_drilldown";

    /// <summary>Past points of the unit's online share: every 5 minutes from 50 to 5 minutes ago.</summary>
    private static readonly int[] MinutesAgo = [50, 45, 40, 35, 30, 25, 20, 15, 10, 5];

    [Fact]
    public async Task Clicking_a_unit_shows_its_last_hour_and_open_alerts_escape_closes_and_the_wall_updates_meanwhile()
    {
        var (owner, unit) = (CenterHost.Departments[0], CenterHost.Departments[1]);
        using var rules = WallRules.Create(owner);
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            [rules.Setting.Key] = rules.Setting.Value,
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = HistoryDatabase,
            ["OperationsCenter:Drain:Linger"] = "00:00:00.010",
        });

        // The last ~50 minutes of the unit's online share (healthy), then now a value that breaks the rule (below 60).
        var now = DateTimeOffset.UtcNow;
        var past = string.Join('\n', MinutesAgo.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"services,desk=main online_share_pct={80 + i} {now.AddMinutes(-m).ToUnixTimeMilliseconds() * 1_000_000}")));
        await host.WriteLinesAsync(unit, past);
        await host.WriteLinesAsync(unit, "services,desk=main online_share_pct=40");
        var written = MinutesAgo.Length + 1;
        await AwaitStoredAsync(influx, "services", "online_share_pct", written);

        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Clicking_a_unit_shows_its_last_hour_and_open_alerts_escape_closes_and_the_wall_updates_meanwhile));
        await wall.ExpectConnectedAsync();
        var alert = wall.Alerts.First;
        await wall.ExpectAsync("the unit's open alert on the wall", () => Expect(alert).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        var fingerprint = await alert.GetAttributeAsync("data-fingerprint");
        Assert.False(string.IsNullOrEmpty(fingerprint), "Expected the alert card to carry data-fingerprint.");
        await Expect(wall.Drilldown).ToBeHiddenAsync();

        // Click the unit's card: its drill-down opens, titled with its name.
        var unitName = TestDepartments.All.Single(d => d.Id == unit).Name;
        await wall.Department(unit).ClickAsync();
        await wall.ExpectAsync("the drill-down to open on a click of the unit's card", () => Expect(wall.Drilldown).ToBeVisibleAsync(new() { Timeout = 5_000 }));
        await Expect(wall.Drilldown.Locator(".drill-title")).ToHaveTextAsync(unitName);

        // The last hour: a chart of the online share with every point written within it.
        var hour = wall.Drilldown.Locator("[data-range='1h']");
        await hour.ClickAsync();
        await Expect(hour).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(wall.Drilldown.Locator("[data-range='24h']")).ToHaveAttributeAsync("aria-pressed", "false");
        var chart = wall.Drilldown.GetByTestId("drilldown-chart").Filter(new() { HasText = "Tỷ lệ hồ sơ trực tuyến toàn trình" });
        await wall.ExpectAsync(
            $"the online-share chart of the last hour to draw at least {written} points (data-points) on a uPlot canvas",
            async () =>
            {
                await Expect(chart).ToHaveCountAsync(1, new() { Timeout = 15_000 });
                await wall.Page.WaitForFunctionAsync(
                    """
                    n => [...document.querySelectorAll('[data-testid="drilldown-chart"]')]
                      .some(c => c.textContent.includes('Tỷ lệ hồ sơ trực tuyến toàn trình') && Number(c.dataset.points ?? 0) >= n && c.querySelector('.uplot canvas'))
                    """,
                    written,
                    new() { Timeout = 15_000 });
            });
        output.WriteLine($"chart data-points: {await chart.GetAttributeAsync("data-points")} (written {written})");

        // Its open alerts list the alert.
        await Expect(wall.Drilldown.GetByTestId("drilldown-alerts").Locator($"li.drill-alert[data-fingerprint='{fingerprint}']")).ToHaveCountAsync(1);

        // The wall keeps updating behind the open drill-down.
        await host.WriteLinesAsync(unit, "services,desk=main online_share_pct=41");
        await wall.ExpectFieldValueAsync(unit, WallPage.SeriesKey("services", unit, "desk", "main"), "online_share_pct", "41");
        await Expect(wall.Department(unit).Locator("[data-testid='unit-figure'][data-metric='services.online_share_pct']")).ToHaveAttributeAsync("data-value", "41");
        await Expect(wall.Drilldown).ToBeVisibleAsync();

        // Escape closes it.
        await wall.Page.Keyboard.PressAsync("Escape");
        await wall.ExpectAsync("Escape to close the drill-down", () => Expect(wall.Drilldown).ToBeHiddenAsync(new() { Timeout = 5_000 }));
        Assert.True(await wall.Drilldown.EvaluateAsync<bool>("d => d.hidden"), "Expected the closed drill-down to carry the hidden attribute.");

        // A headline tile opens the metric's drill-down with each unit's value.
        await wall.Tile("services.online_share_pct").ClickAsync();
        await wall.ExpectAsync("a tile click to open the metric's drill-down", () => Expect(wall.Drilldown).ToBeVisibleAsync(new() { Timeout = 5_000 }));
        await Expect(wall.Drilldown.GetByTestId("drilldown-units").Locator($"li[data-department='{unit}']")).ToContainTextAsync(unitName);
        await wall.Drilldown.GetByTestId("drilldown-close").ClickAsync();
        await Expect(wall.Drilldown).ToBeHiddenAsync();

        await wall.ExpectNotReloadedAsync();
        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    /// <summary>Polls InfluxDB until the center has shipped <paramref name="expected"/> points of a field.</summary>
    private static async Task AwaitStoredAsync(InfluxProcess influx, string measurement, string field, long expected)
    {
        long count = 0;
        try
        {
            await Await.UntilAsync(
                async () =>
                {
                    try
                    {
                        count = await influx.CountAsync(HistoryDatabase, measurement, field);
                    }
                    catch (Exception)
                    {
                        // The database exists once the first batch is shipped.
                    }

                    return count;
                },
                c => c >= expected,
                $"{expected} points of {measurement}.{field} in InfluxDB",
                TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new XunitException($"Expected {expected} points of {measurement}.{field} in InfluxDB within 30 s, found {count}. {ex.Message}");
        }
    }
}
