using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The CPU time of each task the page's main thread ran, from a Chromium trace (each task's <c>tdur</c>). Wall-clock
/// measures (long tasks, frame gaps) stretch when a loaded machine starves the browser; a task's CPU time is the page's
/// own work whatever the load.
/// </summary>
public sealed class MainThreadWork
{
    private readonly ICDPSession _cdp;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MainThreadWork(ICDPSession cdp)
    {
        _cdp = cdp;
        _cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is { } value)
            {
                lock (_events)
                {
                    _events.AddRange(value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
                }
            }
        };
        _cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
    }

    /// <summary>Starts tracing the tasks of <paramref name="page"/>'s renderer.</summary>
    public static async Task<MainThreadWork> StartAsync(IPage page)
    {
        var work = new MainThreadWork(await page.Context.NewCDPSessionAsync(page));
        await work._cdp.SendAsync("Tracing.start", new() { ["categories"] = "toplevel,__metadata", ["transferMode"] = "ReportEvents" });
        return work;
    }

    /// <summary>Stops tracing; the CPU time, in milliseconds, of every task the renderer's main thread ran meanwhile.</summary>
    public async Task<IReadOnlyList<double>> StopAsync()
    {
        await _cdp.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (_events)
        {
            var mainThreads = _events
                .Where(e => Text(e, "ph") == "M" && Text(e, "name") == "thread_name"
                    && e.TryGetProperty("args", out var args) && Text(args, "name") == "CrRendererMain")
                .Select(e => (Pid: e.GetProperty("pid").GetInt64(), Tid: e.GetProperty("tid").GetInt64()))
                .ToHashSet();
            if (mainThreads.Count == 0)
            {
                throw new XunitException("Expected the trace to name the renderer's main thread (CrRendererMain).");
            }

            // Outermost tasks only: a task run inside another (a nested run loop) is part of the other's time already.
            var tasks = new List<double>();
            foreach (var thread in _events
                .Where(e => Text(e, "ph") == "X" && e.TryGetProperty("tdur", out _)
                    && mainThreads.Contains((e.GetProperty("pid").GetInt64(), e.GetProperty("tid").GetInt64())))
                .Select(e => (Thread: e.GetProperty("tid").GetInt64(), Start: e.GetProperty("ts").GetDouble(), End: e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble(), Cpu: e.GetProperty("tdur").GetDouble()))
                .GroupBy(e => e.Thread))
            {
                var outerEnd = double.MinValue;
                foreach (var task in thread.OrderBy(e => e.Start).ThenByDescending(e => e.End))
                {
                    if (task.Start >= outerEnd)
                    {
                        tasks.Add(task.Cpu / 1000);
                        outerEnd = task.End;
                    }
                }
            }

            return tasks;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
