using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The limiters a department's ingest request passes, in order: the department's token bucket (rate), the department's
/// concurrency limiter (requests in flight, no queue) and the center's (requests in flight, a small queue). Held here,
/// not by the rate limiter middleware, because the middleware drops a partition's limiter once it looks idle: a
/// department's in-flight count must live as long as its requests, and the center's is shared by every department.
/// Only departments with a key get limiters, so there are as many as there are departments.
/// </summary>
internal sealed class IngestLimiters(IOptions<IngestOptions> options) : IDisposable
{
    private readonly IngestRateLimitOptions _rate = options.Value.RateLimit;
    private readonly IngestConcurrencyOptions _concurrency = options.Value.Concurrency;
    private readonly ConcurrentDictionary<string, DepartmentLimiters> _departments = new(StringComparer.Ordinal);
    private readonly ConcurrencyLimiter? _all = options.Value.Concurrency.MaxRequests > 0
        ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.Concurrency.MaxRequests,
            QueueLimit = Math.Max(0, options.Value.Concurrency.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })
        : null;

    /// <summary>False when every ingest limit is turned off.</summary>
    public bool AnyLimit => _rate.RequestsPerSecond > 0 || _concurrency.MaxRequestsPerDepartment > 0 || _all is not null;

    /// <summary>
    /// A limiter chaining every limit that applies to <paramref name="department"/> (at least one: see
    /// <see cref="AnyLimit"/>). The chain is new on each call (the middleware disposes it once idle, and may ask again)
    /// and never disposes the limiters it chains.
    /// </summary>
    public RateLimiter For(string department)
    {
        var own = _departments.GetOrAdd(department, _ => new DepartmentLimiters(
            _rate.RequestsPerSecond > 0
                ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, _rate.Burst),
                    TokensPerPeriod = _rate.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : null,
            _concurrency.MaxRequestsPerDepartment > 0
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _concurrency.MaxRequestsPerDepartment, QueueLimit = 0 })
                : null));
        RateLimiter[] chain = [.. new RateLimiter?[] { own.Rate, own.InFlight, _all }.OfType<RateLimiter>()];
        return RateLimiter.CreateChained(chain);
    }

    /// <summary>
    /// Which limit refused <paramref name="department"/>'s request with <paramref name="lease"/>. Only the token bucket's
    /// refusals say when to retry; of the two in-flight limits, the department's is the one with no permit left.
    /// </summary>
    public IngestRefusal Why(string? department, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out _))
        {
            return IngestRefusal.Rate;
        }

        return department is not null && _departments.TryGetValue(department, out var own) &&
               own.InFlight?.GetStatistics() is { CurrentAvailablePermits: 0 }
            ? IngestRefusal.DepartmentInFlight
            : IngestRefusal.InFlight;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _all?.Dispose();
        foreach (var own in _departments.Values)
        {
            own.Rate?.Dispose();
            own.InFlight?.Dispose();
        }
    }
}
