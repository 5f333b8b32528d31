using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>A person reaching the wall as they would: the sign-in page first, then back where they were going.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_wall_sends_a_stranger_to_sign_in_then_shows_itself_and_sign_out_returns_to_the_form()
    {
        await using var host = await CenterHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"console.{message.Type}: {message.Text}");

        await page.GotoAsync("/leader.html");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl=%2Fleader\\.html$"));
        await Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("Đăng nhập");

        await page.GetByTestId("login-name").FillAsync(TestUsers.Leader.Name);
        await page.GetByTestId("login-password").FillAsync("not the password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu");

        await page.GetByTestId("login-password").FillAsync(TestUsers.Leader.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/leader\\.html$"), new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        // The person's display name, not their sign-in name.
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(TestUsers.Leader.DisplayName!, new() { Timeout = 15_000 });

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?returnUrl="), new() { Timeout = 15_000 });
        var response = await page.GotoAsync("/");
        Assert.EndsWith("/login?returnUrl=%2F", response!.Url);
    }

    [Fact]
    public async Task An_account_without_a_wall_role_is_told_so_instead_of_a_blank_wall()
    {
        await using var host = await CenterHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), Locale = "vi-VN" });
        await WallPage.SignInAsync(context, TestUsers.Admin);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(403, response!.Status);
        Assert.Contains("operator or leader", await response.TextAsync());
    }
}
