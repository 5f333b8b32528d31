using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Registers what guards the ingest endpoints beyond parsing: the per-department rate and in-flight limits, Kestrel's body size
/// limit kept equal to <see cref="IngestOptions.MaxBodyBytes"/>, and JSON answers (never a stack trace) for failures.
/// </summary>
internal static class IngestLimitsExtensions
{
    /// <summary>Adds the rate limiter policy, the exception handler and the Kestrel body limit.</summary>
    public static IServiceCollection AddIngestLimits(this IServiceCollection services)
    {
        services.AddSingleton<IngestLimiters>();
        services.AddRateLimiter(o => o.AddPolicy<string, DepartmentRateLimitPolicy>(DepartmentRateLimitPolicy.Name));
        services.AddExceptionHandler<IngestExceptionHandler>();
        services.AddProblemDetails();

        // Kestrel refuses what the ingest endpoints would refuse anyway (and the same limit holds for every other
        // endpoint, none of which takes anything near as large); RequestBody lets an ingest request's excess be drained.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestOptions>>((kestrel, ingest) =>
        {
            kestrel.Limits.MaxRequestBodySize = ingest.Value.MaxBodyBytes;

            // Kestrel's default (240 B/s) would cut off a commune's weak mobile link; a stalled sender is still cut off.
            kestrel.Limits.MinRequestBodyDataRate = ingest.Value.Concurrency.MinBodyBytesPerSecond > 0
                ? new MinDataRate(ingest.Value.Concurrency.MinBodyBytesPerSecond, TimeSpan.FromSeconds(10))
                : null;
        });
        return services;
    }

    /// <summary>
    /// Adds the exception handler (outermost, so nothing thrown later reaches a client as a stack trace) and the
    /// rate limiter. Call before mapping endpoints.
    /// </summary>
    public static IApplicationBuilder UseIngestLimits(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseRateLimiter();
}
