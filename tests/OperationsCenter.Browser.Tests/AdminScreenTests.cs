using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The admin area (<c>/admin</c>) in Chromium: a rule edited with an error (marked at its line, the rules in force
/// unchanged), fixed, dry-run and saved; a silence made from a wall alert card; a key issued, used and revoked; each
/// in the audit screen; operators see no admin link and are refused the area. Screenshots at 1920×1080 and 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminScreenTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>The wall's rule file with a second rule whose threshold is not a number.</summary>
    private static string BrokenRules(string good) => good.TrimEnd() + "\n" + """
          - name: wall-test-slow
            kind: threshold
            match: { measurement: t_wall, field: wait_minutes }
            above: lâu
            severity: warning
            owner: so-noi-vu
            title: { vi: "Chờ lâu tại {department_name}", en: "Long wait at {department_name}" }
            description: { vi: "Chờ {value} phút", en: "{value} minutes wait" }

        """;

    [Fact]
    public async Task An_admin_edits_a_rule_sees_the_error_at_its_line_dry_runs_the_fix_and_saves_it()
    {
        await using var center = await AdminCenter.StartAsync();
        var dep = CenterHost.Departments[0];
        await center.Host.WriteLinesAsync(dep, "t_wall,site=a down=0i,wait_minutes=42i");
        await center.Host.WriteLinesAsync(CenterHost.Departments[1], "t_wall,site=b down=0i,wait_minutes=5i");
        await using var admin = await WallPage.OpenAsync(browser.Browser, center.Host.BaseAddress, output, "admin-rules", "/admin#rules", 1920, 1080, TestUsers.Admin);
        var page = admin.Page;
        await Expect(page.Locator("[data-testid='rules-table'] tbody tr[data-rule='wall-test-down']")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) });
        await Expect(page.GetByTestId("rule-file")).ToHaveValueAsync("wall.yaml");
        var good = await page.GetByTestId("rule-text").InputValueAsync();
        Assert.Contains("wall-test-down", good);

        // An error: marked at its line, listed, nothing saved.
        var broken = BrokenRules(good);
        var badLine = broken.Split('\n').ToList().FindIndex(l => l.Contains("above: lâu")) + 1;
        await page.GetByTestId("rule-text").FillAsync(broken);
        await page.GetByTestId("rule-save").ClickAsync();
        var marked = page.GetByTestId("editor-error-line");
        await ExpectAsync(admin, $"the error marked at line {badLine}", () => Expect(marked).ToHaveAttributeAsync("data-line", badLine.ToString(), new() { Timeout = Ms(Deadline) }));
        await Expect(marked).ToContainTextAsync("above");
        await Expect(page.GetByTestId("rule-problem").First).ToContainTextAsync($"Dòng {badLine}");
        await Expect(page.GetByTestId("rule-message")).ToContainTextAsync("không thay đổi");
        await Expect(page.Locator("[data-testid='rules-table'] tbody tr")).ToHaveCountAsync(1);
        Assert.DoesNotContain("wall-test-slow", await File.ReadAllTextAsync(Path.Combine(center.Rules.Directory, "wall.yaml")));
        await admin.SaveScreenshotAsync("admin-rules-error-1920x1080.png");

        // Fixed: the dry run says what would fire now, with the unit and the value; nothing is stored yet.
        var fixedText = broken.Replace("above: lâu", "above: 30");
        await page.GetByTestId("rule-text").FillAsync(fixedText);
        await page.GetByTestId("rule-dry-run").ClickAsync();
        var slow = page.Locator("[data-testid='dry-rule'][data-rule='wall-test-slow']");
        await ExpectAsync(admin, "the dry run to find one unit breaching wall-test-slow", () => Expect(slow).ToHaveAttributeAsync("data-breached", "1", new() { Timeout = Ms(Deadline) }));
        await Expect(page.GetByTestId("editor-error-line")).ToHaveCountAsync(0);
        await Expect(slow.GetByTestId("dry-hit")).ToContainTextAsync(TestDepartments.All[0].Name);
        await Expect(slow.GetByTestId("dry-hit")).ToContainTextAsync("42");
        await Expect(page.Locator("[data-testid='dry-rule'][data-rule='wall-test-down']")).ToHaveAttributeAsync("data-breached", "0");
        await Expect(page.Locator("[data-testid='rules-table'] tbody tr")).ToHaveCountAsync(1);
        await admin.SaveScreenshotAsync("admin-rules-dry-run-1920x1080.png");

        // Saved: in force.
        await page.GetByTestId("rule-save").ClickAsync();
        await ExpectAsync(admin, "the new rule in force", () => Expect(page.Locator("[data-testid='rules-table'] tbody tr[data-rule='wall-test-slow']")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));
        Assert.Contains("above: 30", await File.ReadAllTextAsync(Path.Combine(center.Rules.Directory, "wall.yaml")));

        await ExpectAuditedAsync(admin, "rule.put", "wall.yaml");
    }

    [Fact]
    public async Task An_admin_silences_an_alert_from_its_wall_card_with_the_matchers_filled_in()
    {
        await using var center = await AdminCenter.StartAsync();
        var dep = CenterHost.Departments[0];
        await using var wall = await WallPage.OpenAsync(browser.Browser, center.Host.BaseAddress, output, "admin-silence-wall", "/", 1920, 1080, TestUsers.Supervisor);
        await wall.ExpectConnectedAsync();
        await Expect(wall.Page.GetByTestId("admin-link")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) });
        await center.Host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=a down=2i");
        var card = wall.Alerts.First;
        await ExpectAsync(wall, "the alert card", () => Expect(card).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));

        await Expect(card.GetByTestId("silence")).ToBeVisibleAsync();
        await wall.SaveScreenshotAsync("admin-wall-silence-action-1920x1080.png");
        await card.GetByTestId("silence").ClickAsync();
        var page = wall.Page;
        await ExpectAsync(wall, "the admin silence form", () => Expect(page.GetByTestId("silence-form")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));
        await Expect(page.GetByTestId("silence-from-alert")).ToContainTextAsync(AlertRules.RuleName);
        var labels = page.Locator("[data-testid='matcher'] .matcher-label");
        var patterns = page.Locator("[data-testid='matcher'] .matcher-pattern");
        await Expect(labels).ToHaveCountAsync(2);
        await Expect(labels.Nth(0)).ToHaveValueAsync("alertname");
        await Expect(patterns.Nth(0)).ToHaveValueAsync(AlertRules.RuleName);
        await Expect(labels.Nth(1)).ToHaveValueAsync("department");
        await Expect(patterns.Nth(1)).ToHaveValueAsync(dep);
        await page.GetByTestId("silence-comment").FillAsync("Bảo trì đường truyền theo kế hoạch");
        await page.GetByTestId("silence-create").ClickAsync();
        var row = page.Locator("[data-testid='silence-row'][data-status='active']");
        await ExpectAsync(wall, "the new silence listed as active", () => Expect(row).ToHaveCountAsync(1, new() { Timeout = Ms(Deadline) }));
        await Expect(row).ToContainTextAsync($"department={dep}");
        await wall.SaveScreenshotAsync("admin-silences-1920x1080.png");

        // Back on the wall the alert is marked silenced and offers no second silence.
        await page.GotoAsync("/");
        var silenced = wall.Alerts.First;
        await ExpectAsync(wall, "the card marked silenced", () => Expect(silenced.GetByTestId("alert-silenced")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));
        await Expect(silenced.GetByTestId("silence")).ToBeHiddenAsync();

        // Ended early from the list.
        await page.GotoAsync("/admin#silences");
        var end = page.Locator("[data-testid='silence-row'][data-status='active'] [data-testid='silence-expire']");
        await end.ClickAsync();
        await end.ClickAsync();
        await ExpectAsync(wall, "the silence ended", () => Expect(page.Locator("[data-testid='silence-row'][data-status='expired']")).ToHaveCountAsync(1, new() { Timeout = Ms(Deadline) }));

        await ExpectAuditedAsync(wall, "silence.create", null);
        await ExpectAuditedAsync(wall, "silence.expire", null);
    }

    [Fact]
    public async Task An_admin_issues_a_key_that_works_at_once_and_revokes_it()
    {
        await using var center = await AdminCenter.StartAsync();
        await using var admin = await WallPage.OpenAsync(browser.Browser, center.Host.BaseAddress, output, "admin-keys", "/admin#keys", 1366, 768, TestUsers.Admin);
        var page = admin.Page;
        var dep = CenterHost.Departments[1];
        await Expect(page.GetByTestId("key-department").Locator($"option[value='{dep}']")).ToHaveCountAsync(1, new() { Timeout = Ms(Deadline) });
        await page.GetByTestId("key-department").SelectOptionAsync(dep);
        await page.GetByTestId("key-issue").ClickAsync();
        var shown = page.GetByTestId("issued-key-value");
        await ExpectAsync(admin, "the key shown once", () => Expect(shown).ToHaveTextAsync(new Regex("^oc_[A-Za-z0-9_-]{40,}$"), new() { Timeout = Ms(Deadline) }));
        var key = await shown.TextContentAsync() ?? "";
        Assert.Equal(HttpStatusCode.NoContent, await center.WriteWithKeyAsync(key, "dossiers,desk=one received=1i"));
        var row = page.Locator($"[data-testid='key-row'][data-department='{dep}']").Filter(new() { Has = page.GetByTestId("key-revoke") });
        await Expect(row).ToHaveCountAsync(1);
        await admin.SaveScreenshotAsync("admin-keys-issued-1366x768.png");

        // Shown once: coming back does not show it again.
        await page.GotoAsync("/admin#audit");
        await page.GotoAsync("/admin#keys");
        await Expect(page.GetByTestId("issued-key")).ToBeHiddenAsync();

        var revoke = row.GetByTestId("key-revoke");
        await revoke.ClickAsync();
        await Expect(revoke).ToHaveAttributeAsync("data-armed", "true");
        await revoke.ClickAsync();
        await ExpectAsync(admin, "the key gone from the list", () => Expect(row).ToHaveCountAsync(0, new() { Timeout = Ms(Deadline) }));
        Assert.Equal(HttpStatusCode.Unauthorized, await center.WriteWithKeyAsync(key, "dossiers,desk=one received=2i"));

        await ExpectAuditedAsync(admin, "key.issue", dep);
        await ExpectAuditedAsync(admin, "key.revoke", dep);
    }

    [Fact]
    public async Task An_operator_sees_no_admin_link_nor_silence_action_and_is_refused_the_admin_area()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, "operator-no-admin");
        await wall.ExpectConnectedAsync();
        await host.WriteLinesAsync(CenterHost.Departments[0], $"{AlertRules.Measurement},site=a down=2i");
        await ExpectAsync(wall, "the alert card", () => Expect(wall.Alerts.First).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));
        await Expect(wall.Page.GetByTestId("user")).ToBeVisibleAsync();
        await Expect(wall.Page.GetByTestId("admin-link")).ToHaveCountAsync(0);
        await Expect(wall.Alerts.First.GetByTestId("silence")).ToBeHiddenAsync();

        foreach (var path in new[] { "/admin", "/admin.html", "/admin/js/admin/admin.js", "/js/admin/admin.js" })
        {
            var response = await wall.Page.GotoAsync(path);
            Assert.True(response?.Status == 403, $"expected 403 for an operator on {path}, got {response?.Status}");
        }
    }

    [Fact]
    public async Task Screenshots_of_every_admin_section_at_1920x1080_and_1366x768()
    {
        await using var center = await AdminCenter.StartAsync();
        foreach (var (dep, i) in CenterHost.Departments.Select((d, i) => (d, i)))
        {
            await center.Host.WriteLinesAsync(dep, $"t_wall,site=s{i} down={(i < 2 ? 1 : 0)}i,wait_minutes={10 + (i * 9)}i");
        }

        // Something in every section: a silence, an issued key, a person, their audit entries.
        using (var api = await center.Host.CreateClientAsync(TestUsers.Admin))
        {
            var now = DateTimeOffset.UtcNow;
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/silences", new
            {
                matchers = new Dictionary<string, string> { ["alertname"] = AlertRules.RuleName, ["department"] = CenterHost.Departments[0] },
                startsAt = now, endsAt = now.AddHours(4), comment = "Bảo trì đường truyền theo kế hoạch",
            })).EnsureSuccessStatusCode();
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/keys", new { department = CenterHost.Departments[1] })).EnsureSuccessStatusCode();
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/people", new
            {
                name = "hoa.tran", displayName = "Trần Thị Hoa", roles = new[] { "operator", "leader" }, password = "mat-khau-ban-dau-hoa",
            })).EnsureSuccessStatusCode();
        }

        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            await using var admin = await WallPage.OpenAsync(browser.Browser, center.Host.BaseAddress, output, $"admin-shots-{width}", "/admin#rules", width, height, TestUsers.Admin);
            var page = admin.Page;
            await Expect(page.Locator("body[data-ready='rules']")).ToHaveCountAsync(1, new() { Timeout = Ms(Deadline) });
            await page.GetByTestId("rule-text").FillAsync(BrokenRules(await page.GetByTestId("rule-text").InputValueAsync()).Replace("above: lâu", "above: 30"));
            await page.GetByTestId("rule-dry-run").ClickAsync();
            await Expect(page.GetByTestId("dry-run")).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) });
            await Shot(admin, $"admin-rules-{width}x{height}.png");

            foreach (var section in new[] { "silences", "keys", "people", "audit" })
            {
                await page.GotoAsync($"/admin#{section}");
                await Expect(page.Locator($"body[data-ready='{section}']")).ToHaveCountAsync(1, new() { Timeout = Ms(Deadline) });
                if (section == "audit")
                {
                    await ExpectAsync(admin, "audit rows", () => Expect(page.GetByTestId("audit-row")).ToHaveCountAsync(3, new() { Timeout = Ms(Deadline) }));
                }

                await Shot(admin, $"admin-{section}-{width}x{height}.png");
            }

            Assert.Empty(admin.PageErrors);
        }
    }

    private static async Task Shot(WallPage page, string name)
    {
        var path = await page.SaveScreenshotAsync(name);
        Assert.True(await Screenshots.DistinctColoursAsync(page.Page, await File.ReadAllBytesAsync(path)) > 4, $"{name} looks blank");
    }

    /// <summary>Opens the audit screen and waits for an entry of <paramref name="action"/> (on <paramref name="target"/>).</summary>
    private static async Task ExpectAuditedAsync(WallPage page, string action, string? target)
    {
        await page.Page.GotoAsync("/admin#audit");
        var rows = page.Page.Locator($"[data-testid='audit-row'][data-action='{action}']");
        if (target is not null)
        {
            rows = rows.Filter(new() { HasText = target });
        }

        // The audit record reaches InfluxDB through the spool within moments; refresh until it is there.
        await Await.UntilAsync(
            async () =>
            {
                await page.Page.GetByTestId("audit-refresh").ClickAsync();
                await Expect(page.Page.Locator("body[data-ready='audit']")).ToHaveCountAsync(1);
                return await rows.CountAsync();
            },
            n => n > 0,
            $"an audit row for {action}{(target is null ? "" : " on " + target)}",
            Deadline);
        await Expect(rows.First).ToBeVisibleAsync();
    }

    /// <summary>Runs an expectation; on failure says what was expected and saves a screenshot of the page.</summary>
    private static async Task ExpectAsync(WallPage page, string expected, Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var shot = await page.SaveScreenshotAsync($"admin-failure-{Guid.NewGuid():N}.png");
            throw new Xunit.Sdk.XunitException($"Expected {expected}; screenshot: {shot}.{Environment.NewLine}{ex.Message}");
        }
    }

    private static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;
}
