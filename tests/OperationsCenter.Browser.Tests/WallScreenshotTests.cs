using System.Globalization;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Browser.Tests;

/// <summary>A picture of the wall at the control room's resolution, kept under the test output's <c>artifacts/</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallScreenshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Screenshot_of_the_wall_at_1920x1080()
    {
        await using var host = await CenterHost.StartAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Screenshot_of_the_wall_at_1920x1080));
        await wall.ExpectConnectedAsync();

        // Live values of the catalog's metrics (the checkout's catalog/laichau.yaml), so the picture shows what operators
        // see: figures in the headline tiles, and values on every other department (the rest stay without series).
        var departments = CenterHost.Departments;
        for (var i = 0; i < departments.Count; i += 2)
        {
            await host.WriteLinesAsync(departments[i], Lines(i, 0));
        }

        // Once the tiles show the first reports, a second one moves the figures: overdue dossiers and registrations up.
        var overdue = Enumerable.Range(0, departments.Count).Where(i => i % 2 == 0).Sum(i => i % 3);
        await wall.ExpectTileValueAsync("dossiers.overdue", overdue.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < departments.Count; i += 2)
        {
            await host.WriteLinesAsync(departments[i], Lines(i, 1));
        }

        var lastIndex = (departments.Count - 1) / 2 * 2;
        var last = departments[lastIndex];
        var expected = (72.5 + lastIndex + 1).ToString(CultureInfo.InvariantCulture);
        await wall.ExpectFieldValueAsync(last, WallPage.SeriesKey("services", last, "desk", "main"), "online_share_pct", expected);
        // Both rose (arrows up); the colour is the catalog level: overdue is far below its watch level (ok), and
        // registrations have no levels (neutral).
        await wall.ExpectTileTrendAsync("dossiers.overdue", "up");
        await wall.ExpectTileLevelAsync("dossiers.overdue", "ok");
        await wall.ExpectTileTrendAsync("digital_skills.registrations", "up");
        await wall.ExpectTileLevelAsync("digital_skills.registrations", "none");
        await wall.ExpectAsync(
            "every headline tile's sparkline to be drawn within 15 s",
            () => wall.Page.WaitForFunctionAsync(
                "() => { const tiles = [...document.querySelectorAll('[data-testid=\"tile\"]')]; return tiles.length > 0 && tiles.every(t => Number(t.querySelector('.uplot')?.dataset.points ?? 0) >= 2); }",
                null,
                new() { Timeout = 15_000 }));

        var path = await wall.SaveScreenshotAsync("wall.png");
        output.WriteLine($"screenshot: {path}");
        var tiles = WallPage.ArtifactPath("wall-tiles.png");
        await wall.Page.GetByTestId("tiles").ScreenshotAsync(new() { Path = tiles });
        output.WriteLine($"headline tiles: {tiles}");

        var bytes = await File.ReadAllBytesAsync(path);
        var (width, height) = Screenshots.PngSize(bytes);
        Assert.True(width == 1920 && height == 1080, $"Expected a 1920×1080 screenshot at {path}, got {width}×{height}.");
        Assert.True(bytes.Length > 20_000, $"Expected a non-trivial screenshot (> 20 000 bytes) at {path}, got {bytes.Length} bytes.");
        var colours = await Screenshots.DistinctColoursAsync(wall.Page, bytes);
        Assert.True(colours >= 8, $"Expected the screenshot {path} not to be blank (at least 8 distinct colours among sampled pixels), got {colours}.");
    }

    /// <summary>One department's report; <paramref name="round"/> 1 moves every figure a little.</summary>
    internal static string Lines(int i, int round) => string.Create(CultureInfo.InvariantCulture, $"""
        dossiers,desk=main received={120 + (i * 7) + (round * 9)}i,resolved_on_time={97 + i + (round * 6)}i,overdue={(i % 3) + (round * 2)}i
        services,desk=main online_share_pct={72.5 + i + round}
        digital_skills registrations={26908 + (i * 11) + (round * 35)}i
        coverage villages_without_signal={15 + i - round}i
        network,link=main uptime_pct={99.5 + (i / 10.0) - (round / 10.0)}
        lgsp,connection=main calls={1200 + i + (round * 40)}i,errors={i + round}i
        budget,program=dx disbursed={12.8 + i + (round * 0.4)}
        """);
}
