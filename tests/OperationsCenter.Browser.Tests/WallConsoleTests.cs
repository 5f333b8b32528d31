using System.Diagnostics;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A minute of the demo province's feed (every unit every second, links dropping and coming back, a drill-down opened
/// and closed) with the wall open: the browser console stays free of errors and warnings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallConsoleTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan Feed = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_minute_of_demo_feed_leaves_no_console_error_or_warning()
    {
        using var rules = WallRules.Create("trung-tam-phvhcc");
        // InfluxDB too, so the history the wall asks for (sparklines, drill-down) is answered as in production.
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(DemoProvince.Settings(new Dictionary<string, string?>
        {
            [rules.Setting.Key] = rules.Setting.Value,
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = "oc_wall_console",
            ["OperationsCenter:Drain:Linger"] = "00:00:00.100",
        }));
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(A_minute_of_demo_feed_leaves_no_console_error_or_warning));
        await wall.ExpectConnectedAsync();

        // Every second a report from every unit; a unit's link goes down for five seconds every ten, in turn.
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var round = 0;
        var drilled = false;
        do
        {
            var down = (round / 10 * 7) % DemoProvince.Units.Count;
            var r = round;
            await DemoProvince.WriteRoundAsync(host, round, i => !(i == down && r % 10 < 5));
            round++;

            // Half-way: open a unit's drill-down (history, charts), switch its range, close it with Escape.
            if (!drilled && clock.Elapsed > Feed / 2)
            {
                drilled = true;
                await wall.Department(DemoProvince.Units[0].Id).ClickAsync();
                await Expect(wall.Drilldown).ToBeVisibleAsync();
                await wall.Drilldown.Locator("[data-range='1h']").ClickAsync();
                await Expect(wall.Drilldown.GetByTestId("drilldown-chart").First).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 15_000 });
                await wall.Page.Keyboard.PressAsync("Escape");
                await Expect(wall.Drilldown).ToBeHiddenAsync();
            }
        }
        while (clock.Elapsed < Feed && await timer.WaitForNextTickAsync());

        output.WriteLine($"{round} rounds of {DemoProvince.Units.Count} reports in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(round >= 50, $"Expected about a report a second for a minute, the test wrote {round} rounds in {clock.Elapsed.TotalSeconds:0} s.");
        Assert.True(drilled, "Expected the drill-down to have been opened during the feed.");

        // The wall kept up: the last round's figures show, and it was never reloaded.
        await wall.ExpectAsync(
            "every unit to be fresh at the end of the feed",
            () => Expect(wall.Page.Locator("[data-summary='fresh']")).ToHaveTextAsync(DemoProvince.Units.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 }));
        await wall.ExpectNotReloadedAsync();

        var messages = wall.ConsoleMessages;
        output.WriteLine($"console messages: {messages.Count} ({string.Join(", ", messages.GroupBy(m => m.Type).Select(g => $"{g.Count()} {g.Key}"))})");
        var bad = messages.Where(m => m.Type is "error" or "warning").Select(m => $"console.{m.Type}: {m.Text}").ToList();
        Assert.True(bad.Count == 0, $"Expected no console errors or warnings during a minute of feed, got {bad.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, bad)}");
        Assert.True(wall.PageErrors.Count == 0, $"Expected no page errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }
}
