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
        IngestKey.TryResolveDepartment(http, keys, out var department);
        if (!IngestRoutes.TryGetDialect(http.Request, out var dialect))
        {
            dialect = IngestDialect.V1;
        }

        await IngestErrors.TooMany(http, dialect, IngestLimiters.Why(context.Lease), department, wait, options.Value).ExecuteAsync(http);
    }
}
