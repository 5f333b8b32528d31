using System.Globalization;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The Lai Châu demo province (50 units, its headline tiles, a few alerts) read from across the room at 1366×768,
/// 1920×1080 and 3840×2160: no text below the wall's minimum size, nothing spilling out of its card, nothing in the
/// header on top of something else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallLegibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (1920, 1080), (3840, 2160)];

    /// <summary>Units whose network link is down (alerts of the link rule).</summary>
    private static readonly int[] LinksDown = [12, 26, 40];

    [Fact]
    public async Task Demo_province_text_is_at_least_the_minimum_size_and_nothing_overflows_its_card_at_three_screen_sizes()
    {
        using var rules = WallRules.Create("trung-tam-phvhcc");
        await using var host = await CenterHost.StartAsync(DemoProvince.Settings(new Dictionary<string, string?> { [rules.Setting.Key] = rules.Setting.Value }));
        var (firstWidth, firstHeight) = Sizes[0];
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(WallLegibilityTests), "/", firstWidth, firstHeight);
        await wall.ExpectConnectedAsync();
        await Expect(wall.Page.GetByTestId("province")).ToHaveTextAsync(DemoProvince.ProvinceName, new() { Timeout = 15_000 });

        // Every unit reports; three links are down and one unit's online share is low: four alerts.
        await DemoProvince.WriteRoundAsync(host, 0, i => !LinksDown.Contains(i));
        var lowShare = DemoProvince.Units[7].Id;
        await host.WriteLinesAsync(lowShare, "services,desk=main online_share_pct=40");
        var units = DemoProvince.Units.Count.ToString(CultureInfo.InvariantCulture);
        var alerts = (LinksDown.Length + 1).ToString(CultureInfo.InvariantCulture);
        await wall.ExpectAsync(
            $"{units} fresh units and {alerts} open alerts",
            async () =>
            {
                await Expect(wall.Page.Locator("[data-summary='fresh']")).ToHaveTextAsync(units, new() { Timeout = 15_000 });
                await Expect(wall.OpenAlertCount).ToHaveTextAsync(alerts, new() { Timeout = 15_000 });
                await Expect(wall.Page.GetByTestId("department")).ToHaveCountAsync(DemoProvince.Units.Count);
            });

        var report = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await wall.Page.SetViewportSizeAsync(width, height);
            await wall.ExpectAsync(
                $"the page to lay out at {width}×{height} with the root font size max(15px, 100vw/96)",
                () => wall.Page.WaitForFunctionAsync(
                    "w => innerWidth === w && Math.abs(parseFloat(getComputedStyle(document.documentElement).fontSize) - Math.max(15, w / 96)) < 0.01",
                    width,
                    new() { Timeout = 5_000 }));
            await wall.Page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");

            var path = WallPage.ArtifactPath($"wall-legibility-{width}x{height}.png");
            await wall.Page.ScreenshotAsync(new() { Path = path, FullPage = true, Type = ScreenshotType.Png });
            output.WriteLine($"screenshot {width}×{height}: {path}");

            // The wall re-chooses its layout when a card's content grows (a figure or a badge arriving): give it the
            // frames it needs, then report what is still wrong.
            var problems = Array.Empty<string>();
            try
            {
                await Await.UntilAsync(
                    async () => problems = await wall.Page.EvaluateAsync<string[]>(Checks),
                    p => p.Length == 0,
                    $"no legibility problem at {width}×{height}",
                    TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                // Reported below with every problem named.
            }

            var minimum = await wall.Page.EvaluateAsync<double>("() => 0.8 * parseFloat(getComputedStyle(document.documentElement).fontSize)");
            output.WriteLine($"{width}×{height}: minimum text {minimum:0.##} px, layout {await wall.Page.EvaluateAsync<string>("() => document.querySelector('[data-testid=\"departments\"]').dataset.fit ?? 'none'")}, {problems.Length} problems");
            report.AddRange(problems.Select(p => $"{width}×{height}: {p}"));
        }

        if (report.Count > 0)
        {
            throw new XunitException(
                $"Expected every text at least 0.8 rem (−0.5 px), nothing outside its card and nothing overlapping in the header; {report.Count} problems (screenshots under {WallPage.ArtifactPath("")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, report.Take(120)) + (report.Count > 120 ? $"{Environment.NewLine}… and {report.Count - 120} more" : ""));
        }

        Assert.True(wall.PageErrors.Count == 0, $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors)}");
    }

    /// <summary>The checks, in the page: text sizes, overflow out of cards, overlaps in the header.</summary>
    private const string Checks = """
        () => {
          const problems = [];
          const min = 0.8 * parseFloat(getComputedStyle(document.documentElement).fontSize) - 0.5;
          const shown = el => {
            if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          };
          const ownText = el => [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
          const label = el => {
            const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
            const where = el.closest('[data-department],[data-metric],[data-fingerprint]');
            const owner = where ? ` in ${where.dataset.department ?? where.dataset.metric ?? where.dataset.fingerprint}` : '';
            return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>${owner} "${text}"`;
          };

          // 1. Every visible text at least the minimum.
          for (const el of document.body.querySelectorAll('*')) {
            if (!ownText(el) || !shown(el)) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < min) problems.push(`text ${size.toFixed(2)}px below the minimum ${(min + 0.5).toFixed(2)}px: ${label(el)}`);
          }

          // 2. Nothing outside its card, except what an ellipsis cuts on purpose.
          const cutOnPurpose = (el, card) => {
            for (let a = el; a && a !== card; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (s.textOverflow === 'ellipsis' && s.overflowX !== 'visible') return true;
            }
            return false;
          };
          for (const card of document.querySelectorAll('.department, .tile, .alert')) {
            if (!shown(card)) continue;
            const box = card.getBoundingClientRect();
            const outside = [];
            for (const el of card.querySelectorAll('*')) {
              if (!shown(el)) continue;
              const r = el.getBoundingClientRect();
              if (r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1) continue;
              if (cutOnPurpose(el, card)) continue;
              outside.push(el);
            }
            // The outermost element that spills says it; its children spill with it.
            for (const el of outside.filter(e => !outside.some(o => o !== e && o.contains(e)))) {
              const r = el.getBoundingClientRect();
              const by = [r.left < box.left - 1 ? `left ${(box.left - r.left).toFixed(1)}` : '', r.top < box.top - 1 ? `top ${(box.top - r.top).toFixed(1)}` : '',
                r.right > box.right + 1 ? `right ${(r.right - box.right).toFixed(1)}` : '', r.bottom > box.bottom + 1 ? `bottom ${(r.bottom - box.bottom).toFixed(1)}` : ''].filter(Boolean).join(', ');
              const hiddenAll = r.top >= box.bottom || r.bottom <= box.top || r.left >= box.right || r.right <= box.left;
              problems.push(`${hiddenAll ? 'cut off entirely, ' : ''}outside its .${card.classList[0]} card by ${by} px: ${label(el)}`);
            }
          }

          // 3. Nothing in the header on top of something else: its texts and controls, pairwise.
          const header = document.querySelector('.wall-header');
          const items = [...header.querySelectorAll('*')].filter(el => shown(el) && (ownText(el) || el.matches('button, [data-testid="connection"]')));
          for (let i = 0; i < items.length; i++) {
            for (let j = i + 1; j < items.length; j++) {
              const a = items[i], b = items[j];
              if (a.contains(b) || b.contains(a)) continue;
              const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
              const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
              const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
              if (w > 1 && h > 1) problems.push(`header: ${label(a)} overlaps ${label(b)} by ${w.toFixed(1)}×${h.toFixed(1)} px`);
            }
          }
          return problems;
        }
        """;
}
