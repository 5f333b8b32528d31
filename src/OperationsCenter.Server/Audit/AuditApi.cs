using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Persistence;
using OperationsCenter.Server.Security;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Audit;

/// <summary><c>GET /api/v1/audit</c>: recorded changes to rules and silences, newest first, for administrators.</summary>
internal static class AuditApi
{
    private const int MaxRows = 10_000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", async Task<Results<Ok<IReadOnlyList<AuditEntry>>, JsonHttpResult<ApiError>>> (
            InfluxConnection influx, string? action, CancellationToken ct) =>
        {
            var where = action is { Length: > 0 } ? $" WHERE {InfluxQl.Identifier("action")} = {InfluxQl.StringLiteral(action)}" : "";
            var query = $"SELECT * FROM {InfluxQl.Identifier(AuditLog.Measurement)}{where} ORDER BY time DESC LIMIT {MaxRows}";
            try
            {
                var series = await influx.QueryAsync(query, ct);
                return TypedResults.Ok<IReadOnlyList<AuditEntry>>([.. series.SelectMany(AuditEntry.From)]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return InfluxConnection.Unavailable("the audit record", ex);
            }
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
