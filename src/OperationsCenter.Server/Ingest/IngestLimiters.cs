using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The limits a department's ingest request passes, in order: before its body, the department's concurrency limiter
/// (requests in flight, a short queue in front) and its token bucket (rate); while its body is read, the center's byte budget; once
/// read, the center's processing slots (a queue in front). Held here, not by the rate limiter middleware, because the
/// middleware drops a partition's limiter once it looks idle: a department's in-flight count must live as long as its
/// requests, and the center's are shared by every department. Only departments with a key get limiters.
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

    /// <summary>False when no limit applies before the body is read.</summary>
    public bool AnyLimit => _rate.RequestsPerSecond > 0 || _concurrency.MaxRequestsPerDepartment > 0;

    /// <summary>What the bodies being read or waiting hold, against <see cref="IngestConcurrencyOptions.MaxBufferedBytes"/>.</summary>
    public BodyBudget Bodies { get; } = new(options.Value.Concurrency.MaxBufferedBytes);

    /// <summary>
    /// One of the center's processing slots, for a request whose body is read, waiting in the queue if need be. Null
    /// when slots are not limited; otherwise a lease to dispose when done, not acquired when the queue was full too.
    /// </summary>
    public async ValueTask<RateLimitLease?> ProcessingSlotAsync(CancellationToken cancellationToken) =>
        _all is null ? null : await _all.AcquireAsync(1, cancellationToken);

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
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                {
                    PermitLimit = _concurrency.MaxRequestsPerDepartment,
                    QueueLimit = Math.Max(0, _concurrency.QueuePerDepartment),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : null));
        // In flight first: the middleware tries at once, then waits, and a token taken by a try that the in-flight cap
        // then failed would be spent (a bucket takes no token back), charging a request that waits twice.
        RateLimiter[] chain = [.. new RateLimiter?[] { own.InFlight, own.Rate }.OfType<RateLimiter>()];
        return RateLimiter.CreateChained(chain);
    }

    /// <summary>Which limit refused a request before its body: only the token bucket's refusals say when to retry.</summary>
    public static IngestRefusal Why(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out _) ? IngestRefusal.Rate : IngestRefusal.DepartmentInFlight;

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
