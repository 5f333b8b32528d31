using OperationsCenter.Server.Api;
using OperationsCenter.Server.Ingest;

namespace OperationsCenter.Server.Security;

/// <summary>
/// Refuses changes and hub connections that a page of another site makes with the signed-in person's cookie
/// (cross-site request forgery). Browsers say where a request comes from in <c>Origin</c> (or <c>Referer</c>); a
/// request that names another origin is refused. Clients that name none (scripts, agents) are not browsers driven
/// by a foreign page, and go on to the usual sign-in checks.
/// </summary>
internal static class SameOriginRequests
{
    /// <summary>Adds the check; it goes before authentication.</summary>
    public static IApplicationBuilder UseSameOriginRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (Guarded(request) && !FromThisSite(request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ApiError(
                    "cross-site request refused: changes and the live connection are accepted only from the center's own pages"));
                return;
            }

            await next(context);
        });

    // Department agents send their key, not a cookie: their endpoints are not a forgery target.
    private static bool Guarded(HttpRequest request) =>
        !IngestRoutes.TryGetDialect(request, out _) &&
        (request.Path.StartsWithSegments("/hubs") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)));

    private static bool FromThisSite(HttpRequest request)
    {
        var self = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return string.Equals(origin.ToString(), self, StringComparison.OrdinalIgnoreCase);
        }

        return request.Headers.Referer is not { Count: > 0 } referer ||
               (Uri.TryCreate(referer.ToString(), UriKind.Absolute, out var from) &&
                string.Equals($"{from.Scheme}://{from.Authority}", self, StringComparison.OrdinalIgnoreCase));
    }
}
