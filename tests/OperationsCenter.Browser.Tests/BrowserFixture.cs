using Microsoft.Playwright;

namespace OperationsCenter.Browser.Tests;

/// <summary>One headless Chromium per test collection, driven by Playwright's bundled node driver.</summary>
/// <remarks>
/// <c>playwright install</c> cannot download here, so the Debian Chromium is used;
/// <c>OPERATIONSCENTER_CHROMIUM</c> overrides its path.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The launched browser; each test opens its own context.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("OPERATIONSCENTER_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was expected at {executable} (Debian package 'chromium'); set OPERATIONSCENTER_CHROMIUM to use another.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Tests that share one browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
