using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Grains.Alerts;
using System.Security.Claims;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Alerts;

/// <summary><c>/api/v1/alerts</c>: list, acknowledge, give back.</summary>
internal static class AlertsApi
{
    /// <summary>Maps the alert endpoints.</summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts");

        alerts.MapGet("/", async Task<Results<Ok<IReadOnlyList<AlertView>>, BadRequest<ApiError>>> (
            AlertQueries queries, string? state, string? department, string? owner, string? severity) =>
        {
            if (!TryParseOptional(state, out AlertState? parsedState))
            {
                return TypedResults.BadRequest(new ApiError($"state '{state}' is not one of pending, firing, acknowledged, resolved"));
            }

            if (!TryParseOptional(severity, out AlertSeverity? parsedSeverity))
            {
                return TypedResults.BadRequest(new ApiError($"severity '{severity}' is not one of info, warning, critical"));
            }

            return TypedResults.Ok<IReadOnlyList<AlertView>>(await queries.ListAsync(parsedState, department, owner, parsedSeverity));
        });

        alerts.MapPost("/{fingerprint}/ack", (AlertQueries queries, string fingerprint, AckRequest? request, ClaimsPrincipal user) =>
            AcknowledgeAsync(queries, fingerprint, request, user, take: true)).RequireAuthorization(Policies.Acknowledge)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);
        alerts.MapPost("/{fingerprint}/unack", (AlertQueries queries, string fingerprint, AckRequest? request, ClaimsPrincipal user) =>
            AcknowledgeAsync(queries, fingerprint, request, user, take: false)).RequireAuthorization(Policies.Acknowledge)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>An optional enum query value: absent is fine, present must name a member.</summary>
    private static bool TryParseOptional<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (text is not { Length: > 0 })
        {
            return true;
        }

        if (!Enum.TryParse(text, ignoreCase: true, out T parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static async Task<Results<Ok<AlertView>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> AcknowledgeAsync(
        AlertQueries queries, string fingerprint, AckRequest? request, ClaimsPrincipal user, bool take)
    {
        if (request?.Note is { Length: > AckRequest.MaxNoteLength })
        {
            return TypedResults.BadRequest(new ApiError($"the note may have at most {AckRequest.MaxNoteLength} characters"));
        }

        AlertView? view;
        try
        {
            view = await queries.AcknowledgeAsync(fingerprint, user.ToAlertActor(), request?.Note, take);
        }
        catch (AlertStoreUnavailableException ex)
        {
            // Not recorded, so not done: the operator is told to try again rather than shown a change a restart would lose.
            return TypedResults.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return view is null
            ? TypedResults.Conflict(new ApiError(take
                ? $"alert {fingerprint} is not firing: there is nothing to acknowledge"
                : $"alert {fingerprint} is not acknowledged"))
            : TypedResults.Ok(view);
    }
}
