using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Leaders.WebPush;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Leaders;

/// <summary>
/// The leader view's API, leaders only: <c>GET /api/v1/alerts/leader?hours=24</c> (what was sent to leaders),
/// <c>GET /api/v1/push/key</c> (the VAPID public key), <c>GET/POST/DELETE /api/v1/push/subscriptions</c> (the signed-in
/// person's push subscriptions: list their endpoints, store this browser's, remove one).
/// </summary>
internal static class LeaderApi
{
    /// <summary>The longest window the list may cover.</summary>
    public const int MaxHours = 168;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLeaderApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/leader", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Leader));

        var push = app.MapGroup("/api/v1/push").RequireAuthorization(p => p.RequireRole(Roles.Leader));
        push.MapGet("/key", (VapidKeys keys) => TypedResults.Ok(new { publicKey = keys.PublicKey }));
        push.MapGet("/subscriptions", async (PushSubscriptionStore store, ClaimsPrincipal user) =>
            TypedResults.Ok((await store.AllAsync()).Where(s => s.User == user.Actor()).Select(s => new { s.Endpoint, s.CreatedAt })));
        push.MapPost("/subscriptions", SubscribeAsync);
        push.MapDelete("/subscriptions", UnsubscribeAsync);
        return app;
    }

    /// <summary>
    /// Alerts sent to leaders that are open or were notified or ended within <paramref name="hours"/> (default 24),
    /// newest notice first, each as it is now: the log's entry overlaid by the live alert when that is newer (an
    /// acknowledgement), and routed alerts the log lacks (sent before it existed) added from the live list.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<LeaderLogEntry>>, BadRequest<ApiError>>> ListAsync(LeaderLog log, AlertQueries alerts, int? hours)
    {
        if (hours is < 1 or > MaxHours)
        {
            return TypedResults.BadRequest(new ApiError($"hours must be between 1 and {MaxHours}"));
        }

        var entries = (await log.ListAsync(TimeSpan.FromHours(hours ?? 24))).ToDictionary(e => e.Alert.Fingerprint);
        foreach (var live in await alerts.ListAsync())
        {
            if (live.LeadersNotifiedAt is not { } notified)
            {
                continue;
            }

            if (!entries.TryGetValue(live.Fingerprint, out var entry))
            {
                entries[live.Fingerprint] = new LeaderLogEntry(live.State == AlertState.Resolved ? NoticeKind.Resolved : NoticeKind.Firing, live, notified);
            }
            else if (LeaderLog.IsNewer(live, entry.Alert))
            {
                entries[live.Fingerprint] = entry with { Alert = live };
            }
        }

        return TypedResults.Ok<IReadOnlyList<LeaderLogEntry>>([.. entries.Values.OrderByDescending(e => e.NotifiedAt)]);
    }

    private static async Task<Results<Created, BadRequest<ApiError>>> SubscribeAsync(
        PushSubscriptionStore store, PushSubscriptionRequest? request, ClaimsPrincipal user, TimeProvider time)
    {
        if (request is null)
        {
            return TypedResults.BadRequest(new ApiError("send the subscription as JSON: { endpoint, keys: { p256dh, auth } }"));
        }

        if (request.Problem() is { } problem)
        {
            return TypedResults.BadRequest(new ApiError(problem));
        }

        await store.SaveAsync(new PushSubscriptionRecord(user.Actor(), request.Endpoint!, request.Keys!.P256dh!, request.Keys.Auth!, time.GetUtcNow(),
            user.FindFirstValue(UserDirectory.SourceClaim) == UserDirectory.PasswordSource));
        return TypedResults.Created();
    }

    private static async Task<Results<NoContent, NotFound<ApiError>, BadRequest<ApiError>>> UnsubscribeAsync(
        PushSubscriptionStore store, string? endpoint, ClaimsPrincipal user)
    {
        if (endpoint is not { Length: > 0 })
        {
            return TypedResults.BadRequest(new ApiError("name the subscription to remove: ?endpoint=<its push service URL>"));
        }

        return await store.RemoveAsync(user.Actor(), endpoint)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ApiError("you have no push subscription at that endpoint"));
    }
}
