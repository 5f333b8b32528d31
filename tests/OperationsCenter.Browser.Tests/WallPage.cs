using System.Text;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace OperationsCenter.Browser.Tests;

/// <summary>The operator wall open in a browser tab, with its stable test hooks and expectations.</summary>
public sealed class WallPage : IAsyncDisposable
{
    /// <summary>For what a live server does in well under a second: generous on a slow 2-core machine, still bounded.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>For a reconnect: the server restarts and the client backs off (1, 2, 4, 8, 10 s ...).</summary>
    public static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(40);

    private const string NoReloadMarker = "no-reload";

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private readonly StringBuilder _console = new();
    private readonly List<string> _pageErrors = [];
    private readonly List<(string Type, string Text)> _consoleMessages = [];

    private WallPage(IBrowserContext context, IPage page, ITestOutputHelper output, string name)
    {
        _context = context;
        Page = page;
        _output = output;
        _name = name;
        page.Console += (_, message) =>
        {
            lock (_consoleMessages)
            {
                _consoleMessages.Add((message.Type, message.Text));
            }

            Log($"console.{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }

            Log($"page error: {error}");
        };
        page.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url} {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>The connection indicator (<c>data-state</c> = connected, reconnecting or disconnected).</summary>
    public ILocator Connection => Page.GetByTestId("connection");

    /// <summary>Opens a 1920×1080 tab on the wall at <paramref name="baseAddress"/>, signed in as an operator.</summary>
    public static Task<WallPage> OpenAsync(IBrowser browser, Uri baseAddress, ITestOutputHelper output, string name) =>
        OpenAsync(browser, baseAddress, output, name, "/", 1920, 1080);

    /// <summary>
    /// Opens a tab of the given size on a page of the wall's folder (e.g. <c>/leader.html</c>), signed in as
    /// <paramref name="user"/> (an operator unless said).
    /// </summary>
    public static async Task<WallPage> OpenAsync(
        IBrowser browser, Uri baseAddress, ITestOutputHelper output, string name, string path, int width, int height, TestUser? user = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        await SignInAsync(context, user ?? TestUsers.Operator);
        var page = await context.NewPageAsync();
        var wall = new WallPage(context, page, output, name);
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = (float)Deadline.TotalMilliseconds });
        if (response is null || !response.Ok)
        {
            throw new XunitException($"Expected GET {baseAddress} to serve the wall page, got {(response is null ? "no response" : $"HTTP {response.Status}")}.");
        }

        // Set once: if the page ever reloads, the marker is gone.
        await page.EvaluateAsync($"() => {{ window.__wallTestMarker = '{NoReloadMarker}'; }}");
        return wall;
    }

    /// <summary>Signs the browser context in as the sign-in page does; its cookie then goes with every request of the context.</summary>
    public static async Task SignInAsync(IBrowserContext context, TestUser user)
    {
        var response = await context.APIRequest.PostAsync("/auth/login", new() { DataObject = new { name = user.Name, password = user.Password } });
        if (response.Status != 204)
        {
            throw new XunitException($"Expected 204 signing in as {user.Name}, got {response.Status}: {await response.TextAsync()}");
        }
    }
    /// <summary>Uncaught script errors of the page so far.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_pageErrors)
            {
                return [.. _pageErrors];
            }
        }
    }

    /// <summary>Console messages of the page so far, with their type (log, info, warning, error ...).</summary>
    public IReadOnlyList<(string Type, string Text)> ConsoleMessages
    {
        get
        {
            lock (_consoleMessages)
            {
                return [.. _consoleMessages];
            }
        }
    }

    /// <summary>The headline tiles.</summary>
    public ILocator Tiles => Page.GetByTestId("tile");

    /// <summary>The headline tile of a catalog metric (<c>measurement.field</c>).</summary>
    public ILocator Tile(string metricId) => Page.Locator($"[data-testid='tile'][data-metric={Css(metricId)}]");

    /// <summary>Waits until a metric's tile shows <paramref name="rawValue"/> (its <c>data-value</c>) and is visible.</summary>
    public Task ExpectTileValueAsync(string metricId, string rawValue) =>
        ExpectAsync(
            $"the headline tile '{metricId}' to show data-value=\"{rawValue}\" within {Deadline.TotalSeconds:0} s",
            async () =>
            {
                var value = Tile(metricId).GetByTestId("tile-value");
                await Expect(value).ToHaveAttributeAsync("data-value", rawValue, new() { Timeout = Ms(Deadline) });
                await Expect(value).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) });
            });

    /// <summary>
    /// Waits until a metric's tile has <c>data-level</c> = <paramref name="level"/> (ok, watch, alarm, or none without
    /// catalog levels): the colour says what the value means.
    /// </summary>
    public Task ExpectTileLevelAsync(string metricId, string level) =>
        ExpectAsync(
            $"the headline tile '{metricId}' to have data-level=\"{level}\" within {Deadline.TotalSeconds:0} s",
            () => Expect(Tile(metricId)).ToHaveAttributeAsync("data-level", level, new() { Timeout = Ms(Deadline) }));

    /// <summary>Waits until a metric's tile shows the trend <paramref name="trend"/> (up, down, flat): its <c>data-trend</c> and arrow.</summary>
    public Task ExpectTileTrendAsync(string metricId, string trend) =>
        ExpectAsync(
            $"the headline tile '{metricId}' to have data-trend=\"{trend}\" and the arrow {TrendArrow(trend)} within {Deadline.TotalSeconds:0} s",
            async () =>
            {
                await Expect(Tile(metricId)).ToHaveAttributeAsync("data-trend", trend, new() { Timeout = Ms(Deadline) });
                await Expect(Tile(metricId).GetByTestId("tile-trend")).ToHaveTextAsync(TrendArrow(trend), new() { Timeout = Ms(Deadline) });
            });

    /// <summary>The arrow a tile shows for a trend.</summary>
    public static string TrendArrow(string trend) => trend switch
    {
        "up" => "▲",
        "down" => "▼",
        "flat" => "▶",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, "a trend is up, down or flat"),
    };

    /// <summary>The alert rows of the alert panel.</summary>
    public ILocator Alerts => Page.GetByTestId("alert");

    /// <summary>The alert card of one alert.</summary>
    public ILocator Alert(string fingerprint) => Page.Locator($"[data-testid='alert'][data-fingerprint={Css(fingerprint)}]");

    /// <summary>The alert groups of the alert panel (one per rule).</summary>
    public ILocator AlertGroups => Page.GetByTestId("alert-group");

    /// <summary>The alert group of a rule.</summary>
    public ILocator AlertGroup(string rule) => Page.Locator($"[data-testid='alert-group'][data-rule={Css(rule)}]");

    /// <summary>The header's count of open alerts.</summary>
    public ILocator OpenAlertCount => Page.Locator("[data-summary='alerts']");

    /// <summary>The drill-down panel (<c>hidden</c> while closed).</summary>
    public ILocator Drilldown => Page.GetByTestId("drilldown");

    /// <summary>A department card.</summary>
    public ILocator Department(string department) =>
        Page.Locator($"[data-testid='department'][data-department={Css(department)}]");

    /// <summary>A series row inside its department's card.</summary>
    public ILocator Series(string department, string seriesKey) =>
        Department(department).Locator($"[data-testid='series'][data-series-key={Css(seriesKey)}]");

    /// <summary>A field's value element inside a series row.</summary>
    public ILocator Field(string department, string seriesKey, string field) =>
        Series(department, seriesKey).Locator($"[data-testid='field'][data-field={Css(field)}]");

    /// <summary>The canonical series key for a measurement with one extra tag besides <c>department</c> (tags sorted).</summary>
    public static string SeriesKey(string measurement, string department, string tag, string value) =>
        string.CompareOrdinal("department", tag) < 0
            ? $"{measurement},department={department},{tag}={value}"
            : $"{measurement},{tag}={value},department={department}";

    public Task ExpectConnectedAsync(TimeSpan? deadline = null) =>
        ExpectAsync(
            $"the connection indicator to show data-state=\"connected\" within {(deadline ?? Deadline).TotalSeconds:0} s",
            () => Expect(Connection).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Ms(deadline ?? Deadline) }));

    public Task ExpectDepartmentAsync(string department) =>
        ExpectAsync(
            $"a department card data-department=\"{department}\" within {Deadline.TotalSeconds:0} s",
            () => Expect(Department(department)).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) }));

    public Task ExpectFieldValueAsync(string department, string seriesKey, string field, string rawValue) =>
        ExpectAsync(
            $"field '{field}' of series '{seriesKey}' in department '{department}' to show data-value=\"{rawValue}\" within {Deadline.TotalSeconds:0} s",
            async () =>
            {
                var locator = Field(department, seriesKey, field);
                await Expect(locator).ToHaveAttributeAsync("data-value", rawValue, new() { Timeout = Ms(Deadline) });
                await Expect(locator).ToBeVisibleAsync(new() { Timeout = Ms(Deadline) });
            });

    /// <summary>Starts recording every change of the connection state, so a short outage cannot be missed.</summary>
    public Task RecordConnectionStatesAsync() =>
        Page.EvaluateAsync("""
            () => {
              const el = document.querySelector('[data-testid="connection"]');
              window.__connectionStates = [el.dataset.state];
              new MutationObserver(() => window.__connectionStates.push(el.dataset.state))
                .observe(el, { attributes: true, attributeFilter: ['data-state'] });
            }
            """);

    public Task ExpectRecordedStateOtherThanConnectedAsync() =>
        ExpectAsync(
            $"the connection indicator to leave data-state=\"connected\" (reconnecting or disconnected) within {Deadline.TotalSeconds:0} s of the server restart",
            () => Page.WaitForFunctionAsync(
                "() => (window.__connectionStates || []).some(s => s !== 'connected')",
                null,
                new() { Timeout = Ms(Deadline), PollingInterval = 50 }));

    /// <summary>Asserts the page is the same document as when it was opened.</summary>
    public async Task ExpectNotReloadedAsync()
    {
        var marker = await Page.EvaluateAsync<string?>("() => window.__wallTestMarker ?? null");
        if (marker != NoReloadMarker)
        {
            throw new XunitException("Expected the wall to update without a page reload, but the page was reloaded (its marker is gone).");
        }
    }

    /// <summary>Runs a Playwright expectation; on failure says what was expected and saves a screenshot.</summary>
    public async Task ExpectAsync(string expected, Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var state = await TryAsync(() => Connection.GetAttributeAsync("data-state", new() { Timeout = 1000 }));
            var states = await TryAsync(() => Page.EvaluateAsync<string?>("() => JSON.stringify(window.__connectionStates ?? null)"));
            var screenshot = await TrySaveScreenshotAsync($"{_name}-failure.png");
            throw new XunitException(
                $"Expected {expected}.{Environment.NewLine}" +
                $"Connection data-state now: {state ?? "?"}; recorded states: {states ?? "?"}; screenshot: {screenshot ?? "none"}.{Environment.NewLine}" +
                $"Browser log:{Environment.NewLine}{_console}{Environment.NewLine}{ex.Message}");
        }
    }

    /// <summary>Saves a screenshot of the viewport under the test output's <c>artifacts/</c> folder.</summary>
    public async Task<string> SaveScreenshotAsync(string fileName)
    {
        var path = ArtifactPath(fileName);
        await Page.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Png, Timeout = Ms(Deadline) });
        return path;
    }

    public static string ArtifactPath(string fileName)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }

    private async Task<string?> TrySaveScreenshotAsync(string fileName)
    {
        try
        {
            return await SaveScreenshotAsync(fileName);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static async Task<string?> TryAsync(Func<Task<string?>> read)
    {
        try
        {
            return await read();
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private void Log(string line)
    {
        lock (_console)
        {
            _console.AppendLine(line);
        }

        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; the line stays in the failure report only.
        }
    }

    private static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;

    /// <summary>A CSS string literal.</summary>
    private static string Css(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
