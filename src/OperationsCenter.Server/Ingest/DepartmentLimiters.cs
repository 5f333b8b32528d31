using System.Threading.RateLimiting;

namespace OperationsCenter.Server.Ingest;

/// <summary>One department's own ingest limiters; null where the limit is turned off.</summary>
/// <param name="Rate">Its token bucket.</param>
/// <param name="InFlight">Its requests in flight.</param>
internal sealed record DepartmentLimiters(TokenBucketRateLimiter? Rate, ConcurrencyLimiter? InFlight);
