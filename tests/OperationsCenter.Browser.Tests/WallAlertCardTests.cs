using System.Text.RegularExpressions;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// What an alert card tells an operator: the catalog's metric and unit, the value against what it must be, since when,
/// who owns it; who took it (by name) and their note, and that giving it back makes it firing again, on every wall.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WallAlertCardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Alert_card_reads_in_catalog_terms_and_acknowledge_then_unacknowledge_shows_on_every_wall()
    {
        var (owner, unit) = (CenterHost.Departments[0], CenterHost.Departments[1]);
        using var rules = WallRules.Create(owner);
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?> { [rules.Setting.Key] = rules.Setting.Value });
        const string name = nameof(Alert_card_reads_in_catalog_terms_and_acknowledge_then_unacknowledge_shows_on_every_wall);
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name);
        await using var second = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, name + "-second");
        await wall.ExpectConnectedAsync();
        await second.ExpectConnectedAsync();

        // services.online_share_pct is in the catalog as "Tỷ lệ hồ sơ trực tuyến toàn trình" in "%"; below 60 fires, 65 clears.
        await host.WriteLinesAsync(unit, "services,desk=main online_share_pct=40");
        var card = wall.Alerts.First;
        await wall.ExpectAsync("an alert card for the low online share", () => Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        await Expect(card).ToHaveAttributeAsync("data-state", "firing");
        await Expect(card).ToHaveAttributeAsync("data-severity", "info");
        var fingerprint = await card.GetAttributeAsync("data-fingerprint");
        Assert.False(string.IsNullOrEmpty(fingerprint), "Expected the alert card to carry data-fingerprint.");
        var unitName = TestDepartments.All.Single(d => d.Id == unit).Name;
        var ownerName = TestDepartments.All.Single(d => d.Id == owner).Name;

        await Expect(card.GetByTestId("alert-state")).ToHaveTextAsync("Đang xảy ra");
        await Expect(card.GetByTestId("alert-title")).ToHaveTextAsync(WallRules.ShareLowTitleVi.Replace("{department_name}", unitName));
        await Expect(card.GetByTestId("alert-where")).ToContainTextAsync(unitName);

        // The value with the catalog's unit against the point that clears it (firing: clear 65), never the field id.
        var value = card.GetByTestId("alert-value");
        await Expect(value).ToHaveTextAsync("40 % — cần ≥ 65 %");
        await Expect(value).Not.ToContainTextAsync("online_share_pct");
        await Expect(card).Not.ToContainTextAsync("online_share_pct");

        // Since when as a clock time (HH:mm) and an age; the owner by name.
        await Expect(card.GetByTestId("alert-since")).ToHaveTextAsync(SinceText());
        await Expect(card.GetByTestId("alert-owner")).ToHaveTextAsync($"Phụ trách: {ownerName}");
        await Expect(card.GetByTestId("alert-ack-by")).ToBeHiddenAsync();
        await Expect(card.GetByTestId("unack")).ToBeHiddenAsync();

        // Acknowledge with a note, as the signed-in operator.
        const string note = "Đã gọi cán bộ một cửa";
        await card.GetByTestId("ack").ClickAsync();
        await card.GetByTestId("ack-note").FillAsync(note);
        await card.GetByTestId("ack-confirm").ClickAsync();
        foreach (var (page, which) in new[] { (wall, "the wall that acknowledged"), (second, "a second wall") })
        {
            var on = page.Alert(fingerprint!);
            await page.ExpectAsync(
                $"{which} to show the alert acknowledged",
                () => Expect(on).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 }));
            await Expect(on.GetByTestId("alert-state")).ToHaveTextAsync("Đã tiếp nhận");
            var ackBy = on.GetByTestId("alert-ack-by");
            await Expect(ackBy).ToBeVisibleAsync();
            await Expect(ackBy).ToHaveTextAsync(AckByText(TestUsers.Operator.DisplayName!, note));
            await Expect(ackBy).Not.ToContainTextAsync(TestUsers.Operator.Name);
            await Expect(on.GetByTestId("ack")).ToBeHiddenAsync();
            await Expect(on.GetByTestId("unack")).ToBeVisibleAsync();
        }

        // Give it back: firing again, nobody named, the acknowledge button back.
        await card.GetByTestId("unack").ClickAsync();
        await card.GetByTestId("ack-confirm").ClickAsync();
        foreach (var (page, which) in new[] { (wall, "the wall that gave it back"), (second, "a second wall") })
        {
            var on = page.Alert(fingerprint!);
            await page.ExpectAsync(
                $"{which} to show the alert firing again",
                () => Expect(on).ToHaveAttributeAsync("data-state", "firing", new() { Timeout = 15_000 }));
            await Expect(on.GetByTestId("alert-state")).ToHaveTextAsync("Đang xảy ra");
            await Expect(on.GetByTestId("alert-ack-by")).ToBeHiddenAsync();
            await Expect(on.GetByTestId("ack")).ToBeVisibleAsync();
            await Expect(on.GetByTestId("unack")).ToBeHiddenAsync();
        }

        // A metric whose values are states (network.up: the catalog names 0 "mất" and 1 "thông"): the state against the
        // state that ends the alert, never "0 1 = thông, 0 = mất kết nối".
        await host.WriteLinesAsync(owner, "network,link=wan up=0i");
        var link = wall.Alerts.Filter(new() { Has = wall.Page.GetByTestId("alert-where").Filter(new() { HasText = "link wan" }) });
        await wall.ExpectAsync("the link-down alert", () => Expect(link).ToBeVisibleAsync(new() { Timeout = 15_000 }));
        await Expect(link.GetByTestId("alert-value")).ToHaveTextAsync(LegendValueText());

        Assert.True(wall.PageErrors.Count == 0 && second.PageErrors.Count == 0,
            $"Expected no script errors, got: {string.Join(Environment.NewLine, wall.PageErrors.Concat(second.PageErrors))}");
    }

    /// <summary>"Từ 08:09 (1 phút)" or "(vừa xong)", "(12 giây)".</summary>
    [GeneratedRegex(@"^Từ \d{2}:\d{2} \((vừa xong|\d+ (giây|phút))\)$")]
    private static partial Regex SinceText();

    /// <summary>"mất — cần: thông".</summary>
    [GeneratedRegex(@"^mất — cần: thông$")]
    private static partial Regex LegendValueText();

    private static Regex AckByText(string person, string note) =>
        new($"^{Regex.Escape(person)} đã tiếp nhận lúc \\d{{2}}:\\d{{2}} — {Regex.Escape(note)}$");
}
