using System.Text.Json;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>Alerts on the wall: they appear within a second of the breaking write, are acknowledged from the page, and every wall sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallAlertTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan AlertBudget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Alert_appears_within_a_second_is_acknowledged_with_a_note_and_a_second_wall_sees_it()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Alert_appears_within_a_second_is_acknowledged_with_a_note_and_a_second_wall_sees_it));
        await using var second = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Alert_appears_within_a_second_is_acknowledged_with_a_note_and_a_second_wall_sees_it) + "-second");
        await wall.ExpectConnectedAsync();
        await second.ExpectConnectedAsync();
        var dep = CenterHost.Departments[0];

        // A healthy point first, so the series exists and only the breaking point is measured.
        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=a down=0i");
        await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey(AlertRules.Measurement, dep, "site", "a"), "down", "0");
        await Expect(wall.Alerts).ToHaveCountAsync(0);

        // One clock for both ends: the page sends the breaking write itself (same origin, the department's key) and
        // notes performance.now() just before the request goes out; a MutationObserver installed before that notes
        // when the first alert row appears. So the figure includes the whole write and no Playwright round trip.
        var write = await wall.Page.EvaluateAsync<JsonElement>("""
            async ([key, body]) => {
              window.__alertSeenAt = null;
              const check = () => {
                if (window.__alertSeenAt === null && document.querySelector('[data-testid="alert"]')) window.__alertSeenAt = performance.now();
              };
              new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
              const sentAt = performance.now();
              const response = await fetch('/write?db=ioc', { method: 'POST', headers: { Authorization: 'Token ' + key }, body });
              return { sentAt, status: response.status, answer: await response.text() };
            }
            """, new[] { host.KeyFor(dep), $"{AlertRules.Measurement},site=a down=3i\n" });
        Assert.True(write.GetProperty("status").GetInt32() == 204, $"expected the breaking write to be accepted (204), got {write}");
        var sentAt = write.GetProperty("sentAt").GetDouble();

        var alert = wall.Alerts.First;
        await wall.ExpectAsync("an alert row within 15 s of the breaking write", () => Expect(alert).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        var seenAt = await wall.Page.EvaluateAsync<double?>("() => window.__alertSeenAt");
        Assert.True(seenAt is not null, "expected the page to have noted when the alert row appeared");
        var elapsed = TimeSpan.FromMilliseconds(seenAt.Value - sentAt);
        output.WriteLine($"alert row appeared {elapsed.TotalMilliseconds:0} ms after the breaking write was sent");
        Assert.True(elapsed >= TimeSpan.Zero, $"expected the alert row to appear after the breaking write was sent; it appeared {-elapsed.TotalMilliseconds:0} ms before");
        Assert.True(
            elapsed < AlertBudget,
            $"Expected the alert on the wall within {AlertBudget.TotalMilliseconds:0} ms of sending the breaking write, it took {elapsed.TotalMilliseconds:0} ms.");

        await Expect(alert).ToHaveAttributeAsync("data-severity", "critical");
        await Expect(alert).ToHaveAttributeAsync("data-state", "firing");
        await Expect(alert.GetByTestId("alert-title")).ToContainTextAsync("Mất dịch vụ");
        var fingerprint = await alert.GetAttributeAsync("data-fingerprint");
        Assert.False(string.IsNullOrEmpty(fingerprint), "Expected the alert row to carry data-fingerprint.");
        await Expect(wall.Department(dep).GetByTestId("department-alerts")).ToHaveAttributeAsync("data-count", "1");

        // Acknowledge with a note, from the inline form (the signed-in operator is recorded as the one who took it).
        await alert.GetByTestId("ack").ClickAsync();
        await alert.GetByTestId("ack-note").FillAsync("Đang xử lý");
        await alert.GetByTestId("ack-confirm").ClickAsync();
        await wall.ExpectAsync(
            "the alert to show data-state=\"acknowledged\" on the page that acknowledged it",
            () => Expect(alert).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 }));
        // Who took it, by their display name (not their sign-in name), and the note.
        await Expect(alert.GetByTestId("alert-ack-by")).ToContainTextAsync(TestUsers.Operator.DisplayName!);
        await Expect(alert.GetByTestId("alert-ack-by")).Not.ToContainTextAsync(TestUsers.Operator.Name);
        await Expect(alert.GetByTestId("alert-ack-by")).ToContainTextAsync("Đang xử lý");

        var other = second.Page.Locator($"[data-testid='alert'][data-fingerprint='{fingerprint}']");
        await second.ExpectAsync(
            "the second wall to see the acknowledgement",
            () => Expect(other).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 }));
        await Expect(other.GetByTestId("alert-ack-by")).ToContainTextAsync(TestUsers.Operator.DisplayName!);
        await Expect(other.GetByTestId("ack")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Language_switch_changes_texts_and_alert_titles()
    {
        using var rules = AlertRules.Create();
        await using var host = await rules.StartHostAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Language_switch_changes_texts_and_alert_titles));
        await wall.ExpectConnectedAsync();
        var dep = CenterHost.Departments[0];

        await host.WriteLinesAsync(dep, $"{AlertRules.Measurement},site=b down=1i,share=1234.5");
        var alert = wall.Alerts.First;
        await wall.ExpectAsync("an alert row", () => Expect(alert).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        var title = alert.GetByTestId("alert-title");
        var label = wall.Connection.Locator(".connection-label");
        var share = wall.Field(dep, WallPage.SeriesKey(AlertRules.Measurement, dep, "site", "b"), "share");

        await Expect(wall.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(label).ToHaveTextAsync("Đã kết nối");
        await Expect(title).ToContainTextAsync("Mất dịch vụ");
        await Expect(share).ToHaveTextAsync("1.234,5"); // Vietnamese: '.' groups thousands, ',' marks decimals

        await wall.Page.GetByTestId("lang").ClickAsync();
        await Expect(wall.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(label).ToHaveTextAsync("Connected");
        await Expect(title).ToContainTextAsync("Service down");
        await Expect(share).ToHaveTextAsync("1,234.5");

        await wall.Page.GetByTestId("lang").ClickAsync();
        await Expect(label).ToHaveTextAsync("Đã kết nối");
        await Expect(title).ToContainTextAsync("Mất dịch vụ");
        await wall.ExpectNotReloadedAsync();
    }
}
