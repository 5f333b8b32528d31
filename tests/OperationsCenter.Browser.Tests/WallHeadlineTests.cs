using System.Text.Json;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>Headline tiles: configured by the metric catalog, filled from the snapshot, following values written over HTTP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallHeadlineTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Tiles_render_from_the_snapshot_take_the_colour_of_their_level_and_show_the_trend_as_an_arrow()
    {
        using var catalog = HeadlineCatalog.Create();
        await using var host = await catalog.StartHostAsync();
        var (a, b) = (CenterHost.Departments[0], CenterHost.Departments[1]);

        // Values the center holds before the page opens: the tiles must come from the snapshot.
        await host.WriteLinesAsync(a, "t_dossiers,desk=main overdue=3i\nt_skills registrations=40000i\nt_services online_share_pct=80\nt_network latency_ms=12");
        await host.WriteLinesAsync(b, "t_dossiers,desk=main overdue=4i\nt_skills registrations=40725i\nt_services online_share_pct=90");
        await WaitForLiveValueAsync(host, "t_services", b, "online_share_pct", 90);

        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Tiles_render_from_the_snapshot_take_the_colour_of_their_level_and_show_the_trend_as_an_arrow));
        await wall.ExpectConnectedAsync();

        // One tile per headline metric, in catalog order; the metric that is not a headline has none.
        await wall.ExpectAsync("3 headline tiles", () => Expect(wall.Tiles).ToHaveCountAsync(3, new() { Timeout = 15_000 }));
        var order = await wall.Tiles.EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.dataset.metric)");
        Assert.Equal([HeadlineCatalog.Overdue, HeadlineCatalog.Registrations, HeadlineCatalog.OnlineShare], order);
        await Expect(wall.Tile(HeadlineCatalog.Latency)).ToHaveCountAsync(0);

        // Sum and average across departments, with the catalog's names and units, Vietnamese number format.
        await wall.ExpectTileValueAsync(HeadlineCatalog.Overdue, "7");
        await wall.ExpectTileValueAsync(HeadlineCatalog.Registrations, "80725");
        await wall.ExpectTileValueAsync(HeadlineCatalog.OnlineShare, "85");
        await Expect(wall.Tile(HeadlineCatalog.Overdue).GetByTestId("tile-name")).ToHaveTextAsync(HeadlineCatalog.OverdueNameVi);
        await Expect(wall.Tile(HeadlineCatalog.Overdue).GetByTestId("tile-unit")).ToHaveTextAsync(HeadlineCatalog.OverdueUnitVi);
        await Expect(wall.Tile(HeadlineCatalog.Registrations).GetByTestId("tile-value")).ToHaveTextAsync("80.725");

        // The colour is the catalog level of the value (strictly past the level, read with `good`), not its trend:
        // 7 overdue is not above 10 (ok); 80 725 registrations is below 81 000 (watch); the online share has no levels.
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Overdue, "ok");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Registrations, "watch");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.OnlineShare, "none");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Overdue, "flat");

        // Overdue rises to 14 (> 12: alarm, arrow up); registrations rise to 81 725 (not below 81 000: ok, arrow up);
        // the online share rises (arrow up) and stays neutral without levels.
        await host.WriteLinesAsync(a, "t_dossiers,desk=main overdue=10i\nt_skills registrations=41000i\nt_services online_share_pct=90");
        await wall.ExpectTileValueAsync(HeadlineCatalog.Overdue, "14");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Overdue, "alarm");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Overdue, "up");
        await wall.ExpectTileValueAsync(HeadlineCatalog.Registrations, "81725");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Registrations, "ok");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Registrations, "up");
        await Expect(wall.Tile(HeadlineCatalog.Registrations).GetByTestId("tile-value")).ToHaveTextAsync("81.725");
        await wall.ExpectTileValueAsync(HeadlineCatalog.OnlineShare, "90");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.OnlineShare, "up");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.OnlineShare, "none");

        // 11 is above the watch level and not above the alarm level: watch, still up from where the sparkline starts.
        await host.WriteLinesAsync(a, "t_dossiers,desk=main overdue=7i");
        await wall.ExpectTileValueAsync(HeadlineCatalog.Overdue, "11");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Overdue, "watch");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Overdue, "up");

        // Overdue falling below where the sparkline starts: arrow down, level ok.
        await host.WriteLinesAsync(a, "t_dossiers,desk=main overdue=0i");
        await wall.ExpectTileValueAsync(HeadlineCatalog.Overdue, "4");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Overdue, "ok");
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Overdue, "down");

        // The sparkline is drawn (uPlot's canvas) with the points seen so far.
        await wall.ExpectAsync(
            "the overdue tile's sparkline to be drawn with at least 2 points within 15 s",
            () => wall.Page.WaitForFunctionAsync(
                $"() => Number(document.querySelector('[data-metric=\"{HeadlineCatalog.Overdue}\"] .uplot')?.dataset.points ?? 0) >= 2 && !!document.querySelector('[data-metric=\"{HeadlineCatalog.Overdue}\"] .tile-spark canvas')",
                null,
                new() { Timeout = 15_000 }));

        // English names from the catalog, English number format from the resource file.
        await wall.Page.GetByTestId("lang").ClickAsync();
        await Expect(wall.Tile(HeadlineCatalog.Overdue).GetByTestId("tile-name")).ToHaveTextAsync(HeadlineCatalog.OverdueNameEn);
        await Expect(wall.Tile(HeadlineCatalog.Registrations).GetByTestId("tile-value")).ToHaveTextAsync("81,725");

        await wall.ExpectNotReloadedAsync();
        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    [Fact]
    public async Task Sparklines_start_with_the_last_hour_from_InfluxDB()
    {
        using var catalog = HeadlineCatalog.Create();
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:CatalogPath"] = catalog.Path,
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = HistoryDatabase,
            ["OperationsCenter:Drain:Linger"] = "00:00:00.010",
        });
        var (a, b) = (CenterHost.Departments[0], CenterHost.Departments[1]);

        // Overdue dossiers over the last hour, falling: 12 → 10 → 8 → 7 (a sum over both departments).
        var now = DateTimeOffset.UtcNow;
        long Ns(int minutesAgo) => now.AddMinutes(-minutesAgo).ToUnixTimeMilliseconds() * 1_000_000;
        await host.WriteLinesAsync(b, $"t_dossiers,desk=main overdue=2i {Ns(50)}");
        await host.WriteLinesAsync(a, $"t_dossiers,desk=main overdue=10i {Ns(50)}\nt_dossiers,desk=main overdue=8i {Ns(40)}\nt_dossiers,desk=main overdue=6i {Ns(30)}\nt_dossiers,desk=main overdue=5i {Ns(20)}");
        await AwaitStoredAsync(influx, "t_dossiers", "overdue", 5);

        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Sparklines_start_with_the_last_hour_from_InfluxDB));
        await wall.ExpectConnectedAsync();
        await wall.ExpectTileValueAsync(HeadlineCatalog.Overdue, "7");

        // Four past minutes and the live value.
        await wall.ExpectAsync(
            "the overdue sparkline to hold the 4 past values from the history API and the live one within 15 s",
            () => wall.Page.WaitForFunctionAsync(
                $"() => Number(document.querySelector('[data-metric=\"{HeadlineCatalog.Overdue}\"] .uplot')?.dataset.points ?? 0) >= 5",
                null,
                new() { Timeout = 15_000 }));
        // Down from 12 an hour ago (the arrow); 7 is within the levels (ok), whatever the trend.
        await wall.ExpectTileTrendAsync(HeadlineCatalog.Overdue, "down");
        await wall.ExpectTileLevelAsync(HeadlineCatalog.Overdue, "ok");
        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    [Fact]
    public async Task Without_a_catalog_the_wall_shows_no_tiles_and_still_shows_values()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:CatalogPath"] = "" });
        using (var client = await host.CreateClientAsync(TestUsers.Operator))
        using (var response = await client.GetAsync("/api/v1/catalog"))
        {
            Assert.True((int)response.StatusCode == 404, $"Expected GET /api/v1/catalog to answer 404 without a catalog, got {(int)response.StatusCode}.");
        }

        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Without_a_catalog_the_wall_shows_no_tiles_and_still_shows_values));
        await wall.ExpectConnectedAsync();
        var dep = CenterHost.Departments[0];
        await host.WriteLinesAsync(dep, "dossiers,desk=main overdue=5i");
        await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey("dossiers", dep, "desk", "main"), "overdue", "5");

        await Expect(wall.Tiles).ToHaveCountAsync(0);
        await Expect(wall.Page.GetByTestId("tiles")).ToBeHiddenAsync();
        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors without a catalog, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    private const string HistoryDatabase = "oc_wall_history";

    /// <summary>Polls InfluxDB until the center has shipped <paramref name="expected"/> points of a field.</summary>
    private static async Task AwaitStoredAsync(InfluxProcess influx, string measurement, string field, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long count = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                count = await influx.CountAsync(HistoryDatabase, measurement, field);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // The database exists once the first batch is shipped.
            }

            if (count >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new XunitException($"Expected {expected} points of {measurement}.{field} in InfluxDB within 30 s, found {count}.");
    }

    /// <summary>Polls <c>GET /api/v1/series</c> until the department's field holds <paramref name="value"/>.</summary>
    private static async Task WaitForLiveValueAsync(CenterHost host, string measurement, string department, string field, double value)
    {
        using var client = await host.CreateClientAsync(TestUsers.Operator);
        var deadline = DateTime.UtcNow + WallPage.Deadline;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetStringAsync($"/api/v1/series?measurement={measurement}&department={department}");
            using var json = JsonDocument.Parse(last);
            foreach (var series in json.RootElement.EnumerateArray())
            {
                foreach (var f in series.GetProperty("fields").EnumerateArray())
                {
                    if (f.GetProperty("name").GetString() == field && f.GetProperty("value").GetDouble() == value)
                    {
                        return;
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new XunitException($"Expected {measurement}.{field} of {department} to be {value} in the live state within {WallPage.Deadline.TotalSeconds:0} s; last answer: {last}");
    }
}
