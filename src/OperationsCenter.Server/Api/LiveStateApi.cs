using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Grains.Overview;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Api;

/// <summary>Read endpoints over the live state.</summary>
internal static class LiveStateApi
{
    /// <summary>Maps <c>GET /api/v1/overview</c> and <c>GET /api/v1/series</c>.</summary>
    public static IEndpointRouteBuilder MapLiveStateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        api.MapGet("/overview", async Task<Ok<OverviewSnapshot>> (LiveStateQueries queries) =>
            TypedResults.Ok(await queries.OverviewAsync()));

        api.MapGet("/series", async Task<Ok<IReadOnlyList<SeriesSnapshot>>> (LiveStateQueries queries, string? measurement, string? department) =>
            TypedResults.Ok(await queries.SeriesAsync(measurement, department)));

        return app;
    }
}
