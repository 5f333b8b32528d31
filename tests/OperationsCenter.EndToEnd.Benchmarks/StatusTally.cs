using System.Collections.Concurrent;
using System.Net;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// Counts the answers an HTTP client gets by status code, so a benchmark can say how many requests were refused with
/// 429 at its rate: the simulator's sender counts failures of any kind, and is shared with the simulator as it is.
/// </summary>
internal sealed class StatusTally() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<HttpStatusCode, long> _counts = new();

    /// <summary>Answers with <paramref name="status"/> so far.</summary>
    public long Count(HttpStatusCode status) => _counts.GetValueOrDefault(status);

    /// <summary>Answers other than 2xx and 429 so far, as "503 ×16, 500 ×1"; empty when none.</summary>
    public string Others() => string.Join(", ", _counts
        .Where(c => (int)c.Key is < 200 or >= 300 && c.Key != HttpStatusCode.TooManyRequests)
        .OrderBy(c => c.Key).Select(c => $"{(int)c.Key} ×{c.Value}"));

    /// <summary>Every answer so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _counts.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }
}
