using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// Forty alerts at once from the real ingest path: the panel groups them by rule, counts them right, and none is out
/// of reach or out of sight unannounced.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallFloodTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Units with one link down each.</summary>
    private const int SingleLinkUnits = 36;

    /// <summary>The unit with two links down, told apart only by their <c>link</c> label.</summary>
    private const string TwoLinkUnit = "xa-muong-mo";

    /// <summary>Units whose online share is low (the second rule).</summary>
    private static readonly string[] LowShareUnits = ["so-y-te", "xa-pa-u"];

    private const int Expected = SingleLinkUnits + 2 + 2;

    [Fact]
    public async Task Forty_alerts_at_once_are_grouped_counted_and_each_one_is_reachable()
    {
        using var rules = WallRules.Create("trung-tam-phvhcc");
        await using var host = await CenterHost.StartAsync(DemoProvince.Settings(new Dictionary<string, string?> { [rules.Setting.Key] = rules.Setting.Value }));
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Forty_alerts_at_once_are_grouped_counted_and_each_one_is_reachable));
        await wall.ExpectConnectedAsync();

        // The flood: every write at once, each unit with its own key.
        var singles = DemoProvince.Units.Select(u => u.Id).Where(id => id != TwoLinkUnit && !LowShareUnits.Contains(id)).Take(SingleLinkUnits).ToArray();
        Assert.Equal(SingleLinkUnits, singles.Length);
        var writes = singles.Select(id => (Unit: id, Lines: "network,link=main up=0i"))
            .Append((Unit: TwoLinkUnit, Lines: "network,link=wan up=0i\nnetwork,link=backup up=0i"))
            .Concat(LowShareUnits.Select(id => (Unit: id, Lines: "services,desk=main online_share_pct=40")));
        using (var client = host.CreateClient())
        {
            await Task.WhenAll(writes.Select(w => IngestClient.WriteLinesAsync(client, w.Unit, w.Lines)));
        }

        var count = Expected.ToString(CultureInfo.InvariantCulture);
        await wall.ExpectAsync(
            $"the header to count {Expected} open alerts",
            () => Expect(wall.OpenAlertCount).ToHaveTextAsync(count, new() { Timeout = 15_000 }));
        await Expect(wall.Alerts).ToHaveCountAsync(Expected);

        // Two groups, most severe first; the big one starts collapsed with its units listed, the small one expanded.
        await Expect(wall.AlertGroups).ToHaveCountAsync(2);
        var linkGroup = wall.AlertGroup(WallRules.LinkDown);
        var shareGroup = wall.AlertGroup(WallRules.ShareLow);
        await Expect(linkGroup).ToHaveAttributeAsync("data-expanded", "false");
        await Expect(shareGroup).ToHaveAttributeAsync("data-expanded", "true");
        await Expect(linkGroup.GetByTestId("alert-group-units")).ToBeVisibleAsync();
        await Expect(linkGroup.GetByTestId("alert-group-units")).ToContainTextAsync(DemoProvince.NameOf(singles[0]));
        var groupCounts = await wall.AlertGroups.EvaluateAllAsync<int[]>(
            "groups => groups.map(g => Number(g.querySelector('[data-testid=\"alert-group-count\"]').textContent.replace(/\\D/g, '')))");
        output.WriteLine($"group counts: {string.Join(", ", groupCounts)}");
        Assert.True(groupCounts.Sum() == Expected, $"Expected the group counts to add up to {Expected}, got {string.Join(" + ", groupCounts)}.");
        Assert.Equal([SingleLinkUnits + 2, LowShareUnits.Length], groupCounts);
        Assert.Equal(count, (await wall.OpenAlertCount.TextContentAsync())?.Trim());

        // "+N more" at the top of the list, collapsed and expanded: N is what starts below the visible part.
        await ExpectMoreMatchesAsync(wall, "with the link group collapsed");
        await linkGroup.GetByTestId("alert-group-toggle").ClickAsync();
        await Expect(linkGroup).ToHaveAttributeAsync("data-expanded", "true");
        await Expect(linkGroup.GetByTestId("alert-group-units")).ToBeHiddenAsync();
        var below = await ExpectMoreMatchesAsync(wall, "with every group expanded");
        Assert.True(below > 0, $"Expected {Expected} expanded alerts not to fit the panel at 1920×1080, so some start below it; none did.");
        await Expect(wall.Page.GetByTestId("alerts-more")).ToBeVisibleAsync();

        // Collapsing and expanding again is the operator's choice, and it sticks.
        await linkGroup.GetByTestId("alert-group-toggle").ClickAsync();
        await Expect(linkGroup).ToHaveAttributeAsync("data-expanded", "false");
        await linkGroup.GetByTestId("alert-group-toggle").ClickAsync();
        await Expect(linkGroup).ToHaveAttributeAsync("data-expanded", "true");

        // Every alert the center holds open is reachable: scrolled into view inside the panel.
        using var api = await host.CreateClientAsync(TestUsers.Operator);
        var open = (await api.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() is "pending" or "firing" or "acknowledged")
            .Select(a => a.GetProperty("fingerprint").GetString()!)
            .ToList();
        Assert.True(open.Count == Expected, $"Expected the center to hold {Expected} open alerts, it holds {open.Count}.");
        var unreachable = new List<string>();
        foreach (var fingerprint in open)
        {
            var card = wall.Alert(fingerprint);
            await card.ScrollIntoViewIfNeededAsync();
            try
            {
                await Expect(card).ToBeInViewportAsync(new() { Ratio = 0.5f, Timeout = 2_000 });
            }
            catch (PlaywrightException)
            {
                unreachable.Add(fingerprint);
                continue;
            }

            if (!await InsideScrollerAsync(wall, fingerprint))
            {
                unreachable.Add(fingerprint + " (outside the alert panel's visible area)");
            }
        }

        Assert.True(unreachable.Count == 0, $"Expected each of the {Expected} alerts to be scrolled into view in the panel; these were not: {string.Join(", ", unreachable)}.");

        // At the bottom nothing is below: the "+N more" button goes.
        await wall.Page.GetByTestId("alert-scroll").EvaluateAsync("s => { s.scrollTop = s.scrollHeight; }");
        await wall.ExpectAsync(
            "the alerts-more button to hide once scrolled to the bottom",
            () => Expect(wall.Page.GetByTestId("alerts-more")).ToBeHiddenAsync(new() { Timeout = 5_000 }));

        // The unit with two links down shows two alerts told apart by their link.
        var name = DemoProvince.NameOf(TwoLinkUnit);
        var twoLinks = wall.Alerts.Filter(new() { Has = wall.Page.GetByTestId("alert-where").Filter(new() { HasText = name }) });
        await Expect(twoLinks).ToHaveCountAsync(2);
        var wheres = await twoLinks.GetByTestId("alert-where").AllTextContentsAsync();
        output.WriteLine($"{TwoLinkUnit}: {string.Join(" | ", wheres)}");
        Assert.True(wheres[0] != wheres[1], $"Expected the two alerts of {name} to read differently, both read \"{wheres[0]}\".");
        Assert.True(
            wheres.Count(w => w.Contains("wan", StringComparison.Ordinal)) == 1 && wheres.Count(w => w.Contains("backup", StringComparison.Ordinal)) == 1,
            $"Expected one alert of {name} to name link wan and the other link backup, got \"{wheres[0]}\" and \"{wheres[1]}\".");
        await Expect(wall.Department(TwoLinkUnit).GetByTestId("department-alerts")).ToHaveAttributeAsync("data-count", "2");

        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    /// <summary>
    /// Scrolls the panel to the top and checks <c>alerts-more</c> against the page's own count of the alerts starting
    /// below the visible area (a collapsed group counts all its alerts when it starts below); returns that count.
    /// </summary>
    private static async Task<int> ExpectMoreMatchesAsync(WallPage wall, string when)
    {
        await wall.Page.GetByTestId("alert-scroll").EvaluateAsync("s => { s.scrollTop = 0; }");
        var more = wall.Page.GetByTestId("alerts-more");
        var last = "";
        try
        {
            var result = await Await.UntilAsync(
                async () =>
                {
                    var json = await wall.Page.EvaluateAsync<string>("""
                        () => {
                          const scroller = document.querySelector('[data-testid="alert-scroll"]');
                          const bottom = scroller.getBoundingClientRect().bottom - 2;
                          let below = 0;
                          for (const group of document.querySelectorAll('[data-testid="alert-group"]')) {
                            const cards = [...group.querySelectorAll('[data-testid="alert"]')];
                            if (group.dataset.expanded !== 'true') {
                              if (group.getBoundingClientRect().top >= bottom) below += cards.length;
                              continue;
                            }
                            below += cards.filter(c => c.getBoundingClientRect().top >= bottom).length;
                          }
                          const more = document.querySelector('[data-testid="alerts-more"]');
                          return JSON.stringify({ below, count: Number(more.dataset.count ?? -1), hidden: more.hidden, scrollTop: scroller.scrollTop });
                        }
                        """);
                    last = json;
                    return JsonSerializer.Deserialize<JsonElement>(json);
                },
                s => s.GetProperty("scrollTop").GetDouble() == 0
                     && s.GetProperty("below").GetInt32() == s.GetProperty("count").GetInt32()
                     && s.GetProperty("hidden").GetBoolean() == (s.GetProperty("below").GetInt32() == 0),
                $"alerts-more {when}: data-count equal to the alerts starting below the visible area, visible exactly when that is more than 0",
                TimeSpan.FromSeconds(5));
            return result.GetProperty("below").GetInt32();
        }
        catch (TimeoutException ex)
        {
            throw new XunitException($"{ex.Message} (last: {last}; button text \"{await more.TextContentAsync()}\")");
        }
    }

    /// <summary>Whether the alert's card is at least half inside the scroll container's visible rectangle.</summary>
    private static Task<bool> InsideScrollerAsync(WallPage wall, string fingerprint) =>
        wall.Page.EvaluateAsync<bool>("""
            fp => {
              const card = [...document.querySelectorAll('[data-testid="alert"]')].find(c => c.dataset.fingerprint === fp);
              const box = document.querySelector('[data-testid="alert-scroll"]').getBoundingClientRect();
              const r = card.getBoundingClientRect();
              const visible = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
              return r.height > 0 && visible >= Math.min(r.height, box.height) / 2;
            }
            """, fingerprint);
}
