using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The ingest endpoints' limits, found from the request's key: the department's request rate, its requests in flight
/// and the center's (<see cref="IngestLimiters"/>). A request whose key resolves to no department is not counted
/// against anyone: it is answered 401 by the endpoint before its body is read, so unknown keys cannot spend a real
/// department's budget, and a department's own agents cannot spend another's.
/// </summary>
internal sealed class DepartmentRateLimitPolicy(DepartmentKeyResolver keys, IngestLimiters limiters, IOptions<IngestOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The policy name the ingest endpoints require.</summary>
    public const string Name = "ingest-per-department";

    // No department id is empty, so this partition never meets a department's.
    private const string Unlimited = "";

    private readonly IngestRateLimitOptions _rate = options.Value.RateLimit;
    private readonly IngestConcurrencyOptions _concurrency = options.Value.Concurrency;

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!limiters.AnyLimit || !IngestKey.TryResolveDepartment(httpContext, keys, out var department))
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return RateLimitPartition.Get(department, limiters.For);
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        IngestKey.TryResolveDepartment(http, keys, out var department);
        if (!IngestRoutes.TryGetDialect(http.Request, out var dialect))
        {
            dialect = IngestDialect.V1;
        }

        var reason = limiters.Why(department, context.Lease) switch
        {
            IngestRefusal.Rate => $"too many requests for department \"{department}\": the limit is {_rate.RequestsPerSecond} requests per second " +
                                  $"with bursts of {Math.Max(1, _rate.Burst)} (OperationsCenter:Ingest:RateLimit)",
            IngestRefusal.DepartmentInFlight => $"too many requests in flight for department \"{department}\": the center works on at most " +
                                                $"{_concurrency.MaxRequestsPerDepartment} of a department's requests at once " +
                                                "(OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment)",
            _ => $"too many requests in flight: the center works on at most {_concurrency.MaxRequests} ingest requests at once, " +
                 $"with {_concurrency.QueueLimit} waiting, for all departments together (OperationsCenter:Ingest:Concurrency:MaxRequests)",
        };
        var message = $"{reason}; nothing of this request was stored: send it again after {seconds} seconds, and send fewer, larger batches, one after another";
        await IngestErrors.Error(dialect, StatusCodes.Status429TooManyRequests, "too many requests", message).ExecuteAsync(http);
    }
}
