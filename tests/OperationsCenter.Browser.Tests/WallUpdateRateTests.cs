using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OperationsCenter.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// Fifty and more updates a second through the real server (HTTP writes → hub pushes) do not make the wall stutter,
/// and the wall ends on the last values written.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallUpdateRateTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Series written at once: each by its own writer, so its values arrive in order.</summary>
    private const int SeriesPerDepartment = 4;

    /// <summary>Writes per second each writer aims at; 3 departments × 4 series × 6/s = 72 updates/s.</summary>
    private const double WritesPerSecondPerSeries = 6;

    private static readonly TimeSpan Burst = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most CPU one task of the page may take. A frame is 16.7 ms at 60 Hz; an operator sees a stall as a hitch in
    /// the clock and the values from about a tenth of a second on; 200 ms (twelve frames) of work in one task is what a
    /// re-render of everything would cost (28 ms measured here at most).
    /// </summary>
    private const double MaxTaskWorkMs = 200;

    /// <summary>
    /// The share of the burst the page's main thread may spend working (its CPU time, whatever the machine's load):
    /// 17 % measured here (5 % for the idle page, drawing its clock), so most of the thread stays free for frames;
    /// re-rendering the cards for each update would take all of it.
    /// </summary>
    private const double MaxPageWorkShare = 0.30;

    [Fact]
    public async Task Fifty_updates_a_second_do_not_stall_frames_and_the_last_values_written_show()
    {
        await using var host = await CenterHost.StartAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Fifty_updates_a_second_do_not_stall_frames_and_the_last_values_written_show));
        await wall.ExpectConnectedAsync();

        // Every series exists before the burst, so what is measured is updating, not first rendering.
        var writers = CenterHost.Departments
            .SelectMany(dep => Enumerable.Range(0, SeriesPerDepartment).Select(i => (Department: dep, Desk: $"d{i}")))
            .ToArray();
        foreach (var (dep, desk) in writers)
        {
            await host.WriteLinesAsync(dep, $"dossiers,desk={desk} received=0i,overdue=0i");
        }

        foreach (var (dep, desk) in writers)
        {
            await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey("dossiers", dep, "desk", desk), "received", "0");
        }

        var work = await MainThreadWork.StartAsync(wall.Page);
        await StartMonitorAsync(wall);

        var last = new int[writers.Length];
        var written = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(async (w, index) =>
        {
            using var client = host.CreateClient();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / WritesPerSecondPerSeries));
            var value = 0;
            while (clock.Elapsed < Burst && await timer.WaitForNextTickAsync())
            {
                value++;
                await IngestClient.WriteLinesAsync(client, w.Department, $"dossiers,desk={w.Desk} received={value}i,overdue={value % 7}i");
                last[index] = value;
                Interlocked.Increment(ref written);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = written / seconds;
        output.WriteLine($"wrote {written} updates to {writers.Length} series in {seconds:0.00} s: {rate:0.0}/s");
        Assert.True(rate >= 50, $"Expected the test to drive at least 50 updates/s through the server, it reached {rate:0.0}/s ({written} in {seconds:0.00} s).");

        // The wall ends on the last value written to each series.
        for (var i = 0; i < writers.Length; i++)
        {
            var (dep, desk) = writers[i];
            await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey("dossiers", dep, "desk", desk), "received", last[i].ToString(CultureInfo.InvariantCulture));
            await wall.ExpectFieldValueAsync(dep, WallPage.SeriesKey("dossiers", dep, "desk", desk), "overdue", (last[i] % 7).ToString(CultureInfo.InvariantCulture));
        }

        // The headline tile of the server's catalog (catalog/laichau.yaml: dossiers.received, a sum) ends on their total.
        await wall.ExpectTileValueAsync("dossiers.received", last.Sum().ToString(CultureInfo.InvariantCulture));

        var stats = JsonSerializer.Deserialize<FrameStats>(await wall.Page.EvaluateAsync<string>("() => JSON.stringify(window.__frameMonitor.stop())"), JsonSerializerOptions.Web)
            ?? throw new XunitException("Expected the page's frame monitor to report.");
        var tasks = await work.StopAsync();
        var (pageWorkMs, longestWorkMs) = (tasks.Sum(), tasks.DefaultIfEmpty(0).Max());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"frames: {stats.Frames} in {stats.DurationMs:0} ms, max gap {stats.MaxGapMs:0.0} ms, p99 gap {stats.P99GapMs:0.0} ms, gaps > 50 ms: {stats.GapsOver50}; " +
            $"long tasks: {stats.LongTasks} totalling {stats.LongTaskMs:0} ms (longest {stats.LongestTaskMs:0} ms); " +
            $"page main thread: {tasks.Count} tasks, {pageWorkMs:0} ms CPU, longest {longestWorkMs:0.0} ms CPU; cards created or removed: {stats.CardsChanged}; series rows created or removed: {stats.SeriesRowsChanged}"));

        Assert.True(stats.Frames > 0, "Expected the page to draw frames during the burst (requestAnimationFrame never ran).");
        // What the wall answers for is its own work on the main thread, measured as CPU time: a loaded machine (CI runs
        // the server tests beside these) starves the browser, which stretches tasks and frame gaps in wall-clock time
        // without the page doing more. The wall-clock figures above are printed for the record.
        Assert.True(longestWorkMs <= MaxTaskWorkMs,
            $"Expected no task of the page to hold frames back over {MaxTaskWorkMs} ms of work while {rate:0} updates/s arrived; the longest took {longestWorkMs:0} ms of CPU.");
        Assert.True(pageWorkMs <= stats.DurationMs * MaxPageWorkShare,
            $"Expected the page's main thread to work at most {MaxPageWorkShare:P0} of the {stats.DurationMs:0} ms burst while {rate:0} updates/s arrived; it worked {pageWorkMs:0} ms in {tasks.Count} tasks.");

        // Updating what changed: no card or series row is rebuilt for a new value.
        Assert.True(stats.CardsChanged == 0, $"Expected value updates to patch department cards in place; {stats.CardsChanged} cards were created or removed during the burst.");
        Assert.True(stats.SeriesRowsChanged == 0, $"Expected value updates to patch series rows in place; {stats.SeriesRowsChanged} rows were created or removed during the burst.");
        await wall.ExpectNotReloadedAsync();
    }

    /// <summary>Frame gaps (requestAnimationFrame), long tasks (PerformanceObserver) and rebuilt elements (MutationObserver).</summary>
    private static Task StartMonitorAsync(WallPage wall) =>
        wall.Page.EvaluateAsync("""
            () => {
              const gaps = [];
              const longTasks = [];
              let running = true;
              let cardsChanged = 0;
              let seriesRowsChanged = 0;
              const start = performance.now();
              let last = start;
              const frame = now => {
                if (!running) return;
                gaps.push(now - last);
                last = now;
                requestAnimationFrame(frame);
              };
              requestAnimationFrame(now => { last = now; requestAnimationFrame(frame); });
              const tasks = new PerformanceObserver(list => { for (const e of list.getEntries()) longTasks.push(e.duration); });
              tasks.observe({ type: 'longtask' });
              const count = (nodes, selector) => [...nodes].filter(n => n.nodeType === 1 && n.matches(selector)).length;
              const mutations = new MutationObserver(records => {
                for (const r of records) {
                  cardsChanged += count(r.addedNodes, '[data-testid="department"]') + count(r.removedNodes, '[data-testid="department"]');
                  seriesRowsChanged += count(r.addedNodes, '[data-testid="series"]') + count(r.removedNodes, '[data-testid="series"]');
                }
              });
              mutations.observe(document.querySelector('[data-testid="departments"]'), { childList: true, subtree: true });
              window.__frameMonitor = {
                stop() {
                  running = false;
                  tasks.disconnect();
                  mutations.disconnect();
                  const sorted = [...gaps].sort((a, b) => a - b);
                  return {
                    frames: gaps.length,
                    durationMs: performance.now() - start,
                    maxGapMs: sorted.length ? sorted[sorted.length - 1] : 0,
                    p99GapMs: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] : 0,
                    gapsOver50: gaps.filter(g => g > 50).length,
                    longTasks: longTasks.length,
                    longTaskMs: longTasks.reduce((a, b) => a + b, 0),
                    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
                    cardsChanged,
                    seriesRowsChanged,
                  };
                }
              };
            }
            """);

    /// <summary>What the page measured.</summary>
    private sealed record FrameStats(
        int Frames, double DurationMs, double MaxGapMs, double P99GapMs, int GapsOver50,
        int LongTasks, double LongTaskMs, double LongestTaskMs, int CardsChanged, int SeriesRowsChanged);
}
