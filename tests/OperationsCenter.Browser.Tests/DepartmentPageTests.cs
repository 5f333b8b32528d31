using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A commune's own page (<c>/department/{id}</c>), as its staff use it on a desktop and on a phone: only their own page,
/// what the center received and refused, and a CSV report previewed (nothing stored) and then confirmed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Commune = "xa-ban-bo";

    [Fact]
    public async Task A_commune_sees_only_its_own_page_and_a_csv_with_a_bad_row_is_previewed_then_its_good_rows_stored()
    {
        using var rules = AlertRules.Create();
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:RulesDirectory"] = rules.Directory,
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = "oc_department_page",
            ["OperationsCenter:Drain:Linger"] = "00:00:00.010",
        });

        // A week of the commune's feed (for the chart), an alert on it, and one line the center refuses.
        var now = DateTimeOffset.UtcNow;
        var week = string.Join('\n', Enumerable.Range(0, 7).SelectMany(day => Enumerable.Range(0, 3 + day).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"dossiers,desk=mot-cua received={20 + day + i}i,resolved_on_time={15 + i}i,overdue={day % 4}i {now.AddDays(-day).AddMinutes(-i).ToUnixTimeMilliseconds() * 1_000_000}"))));
        await host.WriteLinesAsync(Commune, week);
        await host.WriteLinesAsync(Commune, "network,link=wan up=1i,uptime_pct=99.2\nservices,desk=mot-cua online_share_pct=74.5");
        await host.WriteLinesAsync(Commune, $"{AlertRules.Measurement},site=tram-1 down=1i");
        using (var client = host.CreateClient())
        {
            using var refused = await IngestClient.PostLinesAsync(client, Commune, "dossiers,desk=mot-cua received=mười\n");
            Assert.Equal(400, (int)refused.StatusCode);
        }

        // Signing in on the sign-in page, the commune's staff land on their own page, not on the wall.
        await using (var signIn = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), Locale = "vi-VN" }))
        {
            var login = await signIn.NewPageAsync();
            await login.GotoAsync("/login");
            await login.GetByTestId("login-name").FillAsync(TestUsers.Commune.Name);
            await login.GetByTestId("login-password").FillAsync(TestUsers.Commune.Password);
            await login.GetByTestId("login-submit").ClickAsync();
            await Expect(login).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/department/{Commune}$"), new() { Timeout = 15_000 });
        }

        const string name = nameof(A_commune_sees_only_its_own_page_and_a_csv_with_a_bad_row_is_previewed_then_its_good_rows_stored);
        await using var desk = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name, $"/department/{Commune}", 1920, 1080, TestUsers.Commune);
        var page = desk.Page;
        await desk.ExpectAsync("the commune's name in the header", () => Expect(page.GetByTestId("dept-name")).ToHaveTextAsync("xã Bản Bo", new() { Timeout = 15_000 }));
        await Expect(page.GetByTestId("refused-line").First).ToContainTextAsync("received=mười");
        await Expect(page.GetByTestId("dept-alerts")).ToContainTextAsync("Mất dịch vụ");
        await Expect(page.GetByTestId("series-table")).ToContainTextAsync("mot-cua");
        await desk.ExpectAsync("the chart drawn from InfluxDB", () => Expect(page.Locator(".chart canvas")).ToBeVisibleAsync(new() { Timeout = 15_000 }));

        // Only their own page: another department's page and data, and the wall, are refused.
        foreach (var path in new[] { "/department/so-noi-vu", "/api/v1/departments/so-noi-vu", "/", "/leader.html", "/api/v1/overview" })
        {
            var response = await page.Context.APIRequest.GetAsync(path);
            Assert.True(response.Status == 403, $"GET {path} answered {response.Status} to the commune's staff, expected 403");
        }

        // The report: two good rows and one without an offset in its time (row 3). Excel's way: BOM, ';', decimal comma.
        var batch = "bc" + Guid.NewGuid().ToString("N")[..6];
        var yesterday = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(-1).AddHours(16), TimeSpan.FromHours(7));
        var csv = "thời gian;chỉ tiêu;giá trị;đơn vị tính;desk\r\n" +
                  $"{yesterday:yyyy-MM-dd'T'HH:mm:sszzz};services.online_share_pct;81,5;%;{batch}\r\n" +
                  $"{yesterday:yyyy-MM-dd HH:mm};dossiers.overdue;4;hồ sơ;{batch}\r\n" +
                  $"{yesterday:yyyy-MM-dd'T'HH:mm:sszzz};digital_skills.registrations;1.250;lượt đăng ký;{batch}\r\n";
        var file = new FilePayload { Name = "bao-cao-thang.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)] };

        await page.GetByTestId("report-file").SetInputFilesAsync(file);
        var preview = page.GetByTestId("preview");
        await desk.ExpectAsync("the preview of the report", () => Expect(preview).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        await Expect(page.GetByTestId("preview-row")).ToHaveCountAsync(3);
        var bad = page.Locator("[data-testid='preview-row'][data-row='3']");
        await Expect(bad).ToHaveAttributeAsync("data-ok", "false");
        await Expect(bad).ToContainTextAsync("thiếu múi giờ");
        await Expect(page.Locator("[data-testid='preview-row'][data-ok='true']")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("preview-summary")).ToContainTextAsync("2 dòng hợp lệ, 1 dòng lỗi");

        // Nothing stored before the confirmation.
        var before = await page.Context.APIRequest.GetAsync($"/api/v1/departments/{Commune}");
        Assert.DoesNotContain(batch, await before.TextAsync());
        await CheckScreenshotAsync(desk, "department-preview-1920x1080.png", 1920, 1080);

        // On a phone, the same preview reads as cards.
        await using (var phone = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name + "-phone", $"/department/{Commune}", 390, 844, TestUsers.Commune))
        {
            await phone.ExpectAsync("the page on the phone", () => Expect(phone.Page.GetByTestId("dept-name")).ToHaveTextAsync("xã Bản Bo", new() { Timeout = 15_000 }));
            await CheckScreenshotAsync(phone, "department-390x844.png", 390, 844);
            await phone.Page.GetByTestId("report-file").SetInputFilesAsync(file);
            await phone.ExpectAsync("the preview on the phone", () => Expect(phone.Page.GetByTestId("preview")).ToBeVisibleAsync(new() { Timeout = 15_000 }));
            await phone.Page.GetByTestId("preview").ScrollIntoViewIfNeededAsync();
            await CheckScreenshotAsync(phone, "department-preview-390x844.png", 390, 844);
            await phone.Page.ScreenshotAsync(new() { Path = WallPage.ArtifactPath("department-full-390.png"), FullPage = true });
            await phone.Page.GetByTestId("cancel").ClickAsync();
            await Expect(phone.Page.GetByTestId("preview")).ToBeHiddenAsync();
        }

        await page.GetByTestId("confirm").ClickAsync();
        await desk.ExpectAsync("the report's outcome", () => Expect(page.GetByTestId("report-result")).ToContainTextAsync("Đã lưu 2 dòng; 1 dòng bị từ chối", new() { Timeout = 15_000 }));
        await Expect(preview).ToBeHiddenAsync();
        await desk.ExpectAsync("the stored rows among the series", () => Expect(page.GetByTestId("series-table")).ToContainTextAsync($"desk {batch}", new() { Timeout = 15_000 }));
        await Expect(page.GetByTestId("series-table")).ToContainTextAsync("81,5", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("series-table")).ToContainTextAsync("1.250", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("refused-line").First).ToContainTextAsync("dossiers.overdue");
        await CheckScreenshotAsync(desk, "department-1920x1080.png", 1920, 1080);
        await page.ScreenshotAsync(new() { Path = WallPage.ArtifactPath("department-full-1920.png"), FullPage = true });
        Assert.Empty(desk.PageErrors);
    }

    private async Task CheckScreenshotAsync(WallPage page, string fileName, int width, int height)
    {
        var path = await page.SaveScreenshotAsync(fileName);
        output.WriteLine($"screenshot: {path}");
        var bytes = await File.ReadAllBytesAsync(path);
        var (w, h) = Screenshots.PngSize(bytes);
        Assert.True(w == width && h == height, $"Expected a {width}×{height} screenshot at {path}, got {w}×{h}.");
        Assert.True(await Screenshots.DistinctColoursAsync(page.Page, bytes) >= 8, $"Expected the screenshot {path} not to be blank.");
    }
}
