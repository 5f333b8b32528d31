using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Grains.Silences;
using System.Security.Claims;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Audit;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Silences;

/// <summary><c>/api/v1/silences</c>: list (expired ones too, for audit), create, end.</summary>
internal static class SilencesApi
{
    private static readonly TimeSpan MaxLength = TimeSpan.FromDays(90);

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSilencesApi(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/v1/silences");

        silences.MapGet("/", async (IGrainFactory grains) =>
        {
            var now = DateTimeOffset.UtcNow;
            var all = await grains.GetGrain<ISilenceRegistryGrain>(0).List();
            return TypedResults.Ok(all.Select(s => SilenceView.At(s, now)).ToList());
        }).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Leader, Roles.Admin));

        silences.MapPost("/", async Task<Results<Created<SilenceView>, BadRequest<ApiError>>> (
            SilenceRequest request, IGrainFactory grains, SilenceCache cache, AuditLog audit, ClaimsPrincipal user) =>
        {
            if (Validate(request) is { } problem)
            {
                return TypedResults.BadRequest(new ApiError(problem));
            }

            var silence = new Silence(
                Guid.NewGuid().ToString("N"), request.Matchers!.ToImmutableDictionary(), request.StartsAt!.Value, request.EndsAt!.Value,
                user.Actor(), request.Comment!, DateTimeOffset.UtcNow, null);
            var registry = grains.GetGrain<ISilenceRegistryGrain>(0);
            await registry.Add(silence);
            cache.Replace(await registry.List());
            await audit.RecordAsync("silence.create", user.Actor(), silence.Id, silence.Comment);
            return TypedResults.Created($"/api/v1/silences/{silence.Id}", SilenceView.At(silence, DateTimeOffset.UtcNow));
        }).RequireAuthorization(Policies.Admin);

        silences.MapDelete("/{id}", async Task<Results<Ok<SilenceView>, NotFound<ApiError>>> (
            string id, IGrainFactory grains, SilenceCache cache, AuditLog audit, ClaimsPrincipal user) =>
        {
            var registry = grains.GetGrain<ISilenceRegistryGrain>(0);
            var ended = await registry.Expire(id, user.Actor(), DateTimeOffset.UtcNow);
            if (ended is null)
            {
                return TypedResults.NotFound(new ApiError($"no silence {id}"));
            }

            cache.Replace(await registry.List());
            await audit.RecordAsync("silence.expire", user.Actor(), id);
            return TypedResults.Ok(SilenceView.At(ended, DateTimeOffset.UtcNow));
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static string? Validate(SilenceRequest request)
    {
        var missing = new List<string>();
        if (request.Matchers is not { Count: > 0 })
        {
            missing.Add("matchers (label: pattern, e.g. {\"alertname\": \"uptime-low\", \"department\": \"xa-*\"})");
        }

        if (request.StartsAt is null)
        {
            missing.Add("startsAt");
        }

        if (request.EndsAt is null)
        {
            missing.Add("endsAt");
        }

        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            missing.Add("comment (why the silence)");
        }

        if (missing.Count > 0)
        {
            return "a silence needs " + string.Join(", ", missing);
        }

        if (request.EndsAt <= request.StartsAt)
        {
            return "endsAt must be after startsAt";
        }

        return request.EndsAt - request.StartsAt > MaxLength ? $"a silence may last at most {MaxLength.TotalDays} days" : null;
    }
}
