using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Counts the answers an HTTP client gets by status code, so a benchmark can say how many requests were refused with
/// 429 at its rate (the simulator's sender counts failures of any kind, and is shared with the simulator as it is), and
/// times each request, so a run with refusals shows whether they came in one stall or spread over the run.
/// </summary>
internal sealed class StatusTally() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<HttpStatusCode, long> _counts = new();
    private readonly ConcurrentQueue<(long StartedMs, double Ms, HttpStatusCode Status)> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Answers with <paramref name="status"/> so far.</summary>
    public long Count(HttpStatusCode status) => _counts.GetValueOrDefault(status);

    /// <summary>Answers other than 2xx and 429 so far, as "503 ×16, 500 ×1"; empty when none.</summary>
    public string Others() => string.Join(", ", _counts
        .Where(c => (int)c.Key is < 200 or >= 300 && c.Key != HttpStatusCode.TooManyRequests)
        .OrderBy(c => c.Key).Select(c => $"{(int)c.Key} ×{c.Value}"));

    /// <summary>Every answer so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>Milliseconds since this tally was made: marks a window for <see cref="Timing"/>.</summary>
    public long NowMs => _clock.ElapsedMilliseconds;

    /// <summary>
    /// Request times of requests started in [<paramref name="fromMs"/>, <paramref name="toMs"/>) (all but those refused,
    /// the unanswered included), and the
    /// seconds of the window in which requests were refused with 429, as "p50 40 ms, p99 180 ms, max 260 ms; 429s in 3
    /// of 20 s (at 4.1, 4.2, 11.0 s)".
    /// </summary>
    public string Timing(long fromMs, long toMs)
    {
        var inWindow = _requests.Where(r => r.StartedMs >= fromMs && r.StartedMs < toMs).ToList();
        var times = inWindow.Where(r => r.Status != HttpStatusCode.TooManyRequests).Select(r => r.Ms).Order().ToArray();
        if (times.Length == 0)
        {
            return "none answered";
        }

        double At(double q) => times[Math.Min(times.Length - 1, (int)(q * times.Length))];
        var refusedAt = inWindow.Where(r => r.Status == HttpStatusCode.TooManyRequests)
            .Select(r => (r.StartedMs - fromMs) / 100 / 10.0).Distinct().Order().ToList();
        var refusals = refusedAt.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; 429s started in {refusedAt.Select(s => (int)s).Distinct().Count()} of {(toMs - fromMs) / 1000} s (at {string.Join(", ", refusedAt.Take(12).Select(s => $"{s:F1}"))}{(refusedAt.Count > 12 ? ", …" : "")} s)");
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {times[^1]:F0} ms{refusals}");
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = _clock.Elapsed;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            // No answer (a timeout, a reset): timed as status 0, so the slowest requests are not left out of the figures.
            _requests.Enqueue(((long)started.TotalMilliseconds, (_clock.Elapsed - started).TotalMilliseconds, 0));
            throw;
        }

        _requests.Enqueue(((long)started.TotalMilliseconds, (_clock.Elapsed - started).TotalMilliseconds, response.StatusCode));
        _counts.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }
}
