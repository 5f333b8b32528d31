using System.Globalization;
using System.Text.Json;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>A province's ~50 reporting units and its headline tiles on one wall: everything on screen, no scrolling, full names.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallDensityTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Fifty provincial agencies and communes, added beside the three default test departments.</summary>
    private static readonly string[] ExtraNames =
    [
        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Tư pháp",
        "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
        "Sở Công Thương", "Ban Quản lý các Khu kinh tế", "Văn phòng Ủy ban nhân dân tỉnh",
        "xã Sin Suối Hồ", "xã Phong Thổ", "xã Dào San", "xã Khổng Lào", "xã Bản Lang", "xã Sì Lở Lầu",
        "xã Mường Khoa", "xã Nậm Sỏ", "xã Pắc Ta", "xã Tân Uyên", "xã Khoen On", "xã Than Uyên",
        "xã Mường Kim", "xã Tà Hừa", "xã Pha Mu", "xã Tam Đường", "xã Bình Lư", "xã Nùng Nàng",
        "xã Khun Há", "xã Bum Nưa", "xã Bum Tở", "xã Mường Tè", "xã Thu Lũm", "xã Pa Ủ", "xã Hua Bum",
        "xã Tà Tổng", "xã Mù Cả", "xã Sìn Hồ", "xã Hồng Thu", "xã Nậm Tăm", "xã Lê Lợi", "xã Pu Sam Cáp",
        "xã Nậm Mạ", "xã Phìn Hồ", "xã Mường Mô", "xã Nậm Hàng", "phường Đoàn Kết", "phường Quyết Thắng",
        "xã Trung Đồng",
    ];

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Fifty_departments_and_the_headline_tiles_fit_on_one_screen_with_full_names(int width, int height)
    {
        // Indexes 3..52: fifty units beside the three default test departments (53 cards in all).
        Assert.Equal(50, ExtraNames.Length);
        var total = TestDepartments.All.Count + ExtraNames.Length;
        var settings = new Dictionary<string, string?>();
        var first = TestDepartments.All.Count;
        for (var i = 0; i < ExtraNames.Length; i++)
        {
            settings[$"OperationsCenter:Departments:{first + i}:Id"] = $"dv-{i + 1:00}";
            settings[$"OperationsCenter:Departments:{first + i}:Name"] = ExtraNames[i];
        }

        await using var host = await CenterHost.StartAsync(settings);
        var name = $"wall-50-{width}x{height}";
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name, "/", width, height);
        await wall.ExpectConnectedAsync();

        // The headline metrics of the server's catalog (the checkout's catalog/laichau.yaml).
        using var client = await host.CreateClientAsync(TestUsers.Operator);
        using var catalog = JsonDocument.Parse(await client.GetStringAsync("/api/v1/catalog"));
        var headlines = catalog.RootElement.GetProperty("metrics").EnumerateArray().Count(m => m.GetProperty("headline").GetBoolean());
        Assert.True(headlines > 0, "Expected the catalog to name headline metrics.");

        // Live values on the default departments, so some cards are fresh and the tiles show figures; the rest stay without data.
        foreach (var (dep, i) in CenterHost.Departments.Select((d, i) => (d, i)))
        {
            await host.WriteLinesAsync(dep, string.Create(CultureInfo.InvariantCulture, $"""
                dossiers,desk=main received={120 + (i * 7)}i,resolved_on_time={97 + i}i,overdue={i % 3}i
                services,desk=main online_share_pct={72.5 + i}
                digital_skills registrations={26908 + i}i
                coverage villages_without_signal={15 + i}i
                network,link=main uptime_pct={99.5 + (i / 10.0)}
                lgsp,connection=main calls={1200 + i}i,errors={i}i
                budget,program=dx disbursed={12.8 + i}
                """));
        }

        await wall.ExpectAsync(
            $"{headlines} headline tiles",
            () => Expect(wall.Tiles).ToHaveCountAsync(headlines, new() { Timeout = 15_000 }));
        await wall.ExpectTileValueAsync("digital_skills.registrations", "80727");
        var cards = wall.Page.GetByTestId("department");
        await wall.ExpectAsync(
            $"{total} department cards",
            () => Expect(cards).ToHaveCountAsync(total, new() { Timeout = 15_000 }));
        await wall.ExpectAsync(
            "the written departments to be fresh and show their catalog figures (card metrics)",
            async () =>
            {
                foreach (var dep in CenterHost.Departments)
                {
                    await Expect(wall.Department(dep)).ToHaveAttributeAsync("data-freshness", "fresh", new() { Timeout = 15_000 });
                    await Expect(wall.Department(dep).Locator("[data-testid='unit-figure'][data-metric='dossiers.overdue']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
                }
            });
        await wall.Page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");

        var path = await wall.SaveScreenshotAsync($"{name}.png");
        output.WriteLine($"screenshot: {path}");
        var bytes = await File.ReadAllBytesAsync(path);
        var (w, h) = Screenshots.PngSize(bytes);
        Assert.True(w == width && h == height, $"Expected a {width}×{height} screenshot at {path}, got {w}×{h}.");

        var problems = await wall.Page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const vw = innerWidth, vh = innerHeight;
              const root = document.documentElement;
              if (root.scrollHeight > vh) problems.push(`page scrolls vertically: scrollHeight ${root.scrollHeight} > ${vh}`);
              if (root.scrollWidth > vw) problems.push(`page scrolls horizontally: scrollWidth ${root.scrollWidth} > ${vw}`);
              const inside = (r, box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
              const viewport = { left: 0, top: 0, right: vw, bottom: vh };
              const cards = [...document.querySelectorAll('[data-testid="department"]')];
              for (const card of cards) {
                const id = card.dataset.department;
                const box = card.getBoundingClientRect();
                if (!inside(box, viewport)) problems.push(`${id}: card ${JSON.stringify(box)} is not inside the ${vw}×${vh} viewport`);
                if (card.scrollHeight > card.clientHeight + 1) problems.push(`${id}: the card's content overflows it (${card.scrollHeight} > ${card.clientHeight})`);
                const nameEl = card.querySelector('.department-name');
                const text = nameEl.textContent;
                if (!text || text.endsWith('…') || text.endsWith('...')) problems.push(`${id}: name "${text}" is empty or truncated`);
                if (nameEl.scrollWidth > nameEl.clientWidth + 1) problems.push(`${id}: name "${text}" overflows its width (${nameEl.scrollWidth} > ${nameEl.clientWidth})`);
                if (nameEl.scrollHeight > nameEl.clientHeight + 1) problems.push(`${id}: name "${text}" overflows its height (${nameEl.scrollHeight} > ${nameEl.clientHeight})`);
                const style = getComputedStyle(nameEl);
                if (style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap') problems.push(`${id}: name is cut to one line with an ellipsis`);
                if (!inside(nameEl.getBoundingClientRect(), box)) problems.push(`${id}: name "${text}" is clipped by its card`);
                // A late or silent unit says so with its badge; a fresh one may drop it on a dense wall (its green edge says it).
                const badge = card.querySelector('.freshness-badge');
                const br = badge.getBoundingClientRect();
                const fresh = card.dataset.freshness === 'fresh';
                const dropped = fresh && getComputedStyle(badge).display === 'none' || fresh && badge.closest('.department-badges') && getComputedStyle(badge.closest('.department-badges')).display === 'none';
                if (!card.dataset.freshness) problems.push(`${id}: no data-freshness`);
                if (!dropped && (br.width === 0 || br.height === 0 || !inside(br, box))) problems.push(`${id}: freshness badge (${card.dataset.freshness}) is not shown inside its card`);
                if (!dropped && badge.scrollWidth > badge.clientWidth + 1) problems.push(`${id}: freshness badge text overflows`);
                const silentCard = document.querySelector('.department[data-freshness="silent"]');
                if (fresh && silentCard && getComputedStyle(card).borderLeftColor === getComputedStyle(silentCard).borderLeftColor) problems.push(`${id}: a fresh card's edge has the colour of a silent one`);
                const lines = Math.round(nameEl.getBoundingClientRect().height / parseFloat(style.lineHeight));
                // An official name like "Văn phòng Ủy ban nhân dân tỉnh" may take three lines of an eighth of the width.
                if (lines > 3) problems.push(`${id}: name "${text}" takes ${lines} lines`);
                const size = parseFloat(style.fontSize);
                if (size < vh / 90) problems.push(`${id}: name font ${size}px is too small to read at ${vw}×${vh}`);
              }
              const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
              const gridTop = document.querySelector('.wall-main').getBoundingClientRect().top;
              for (const tile of tiles) {
                const id = tile.dataset.metric;
                const box = tile.getBoundingClientRect();
                if (!inside(box, viewport)) problems.push(`tile ${id}: ${JSON.stringify(box)} is not inside the ${vw}×${vh} viewport`);
                if (box.bottom > gridTop + 0.5) problems.push(`tile ${id}: overlaps the department grid and alert panel (bottom ${box.bottom} > ${gridTop})`);
                for (const part of ['tile-name', 'tile-value', 'tile-unit']) {
                  const el = tile.querySelector(`[data-testid="${part}"]`);
                  const r = el.getBoundingClientRect();
                  if (!el.textContent) problems.push(`tile ${id}: ${part} is empty`);
                  if (r.width === 0 || r.height === 0 || !inside(r, box)) problems.push(`tile ${id}: ${part} "${el.textContent}" is not shown inside its tile`);
                  if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`tile ${id}: ${part} "${el.textContent}" overflows (${el.scrollWidth}×${el.scrollHeight} > ${el.clientWidth}×${el.clientHeight})`);
                  const size = parseFloat(getComputedStyle(el).fontSize);
                  if (size < vh / 90) problems.push(`tile ${id}: ${part} font ${size}px is too small to read at ${vw}×${vh}`);
                }
                const spark = tile.querySelector('[data-testid="tile-spark"]').getBoundingClientRect();
                if (spark.width < vw / 40 || spark.height < vh / 60) problems.push(`tile ${id}: sparkline area ${spark.width}×${spark.height} is too small to see`);
              }
              return problems;
            }
            """);
        var layout = await wall.Page.EvaluateAsync<string>("() => document.querySelector('[data-testid=\"departments\"]').dataset.fit ?? 'none'");
        output.WriteLine($"layout at {width}×{height}: {layout}");
        if (problems.Length > 0)
        {
            throw new XunitException($"Expected all {total} cards on screen with full names at {width}×{height} (layout {layout}, screenshot {path}):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        }
    }
}
