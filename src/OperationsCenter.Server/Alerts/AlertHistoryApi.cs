using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// <c>GET /api/v1/alerts/history</c>: every recorded transition (who, when, note) from InfluxDB, by the unit where it
/// happened (<c>department</c>) or the department that owns it (<c>owner</c>).
/// </summary>
internal static class AlertHistoryApi
{
    private const int MaxRows = 10_000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAlertHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/history", async Task<Results<Ok<IReadOnlyList<AlertHistoryEntry>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> (
            InfluxConnection influx, string? fingerprint, string? department, string? owner, string? rule, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct) =>
        {
            var end = to ?? DateTimeOffset.UtcNow.AddMinutes(1);
            var start = from ?? end.AddDays(-7);
            if (start >= end)
            {
                return TypedResults.BadRequest(new ApiError("from must be before to"));
            }

            var filters = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"time >= {(start - DateTimeOffset.UnixEpoch).Ticks * 100}"),
                string.Create(CultureInfo.InvariantCulture, $"time < {(end - DateTimeOffset.UnixEpoch).Ticks * 100}"),
            };
            foreach (var (tag, value) in new[] { ("fingerprint", fingerprint), ("unit", department), ("owner", owner), ("rule", rule) })
            {
                if (value is { Length: > 0 })
                {
                    filters.Add($"{InfluxQl.Identifier(tag)} = {InfluxQl.StringLiteral(value)}");
                }
            }

            var query = $"SELECT * FROM {InfluxQl.Identifier(SpoolAlertHistory.Measurement)} WHERE {string.Join(" AND ", filters)} ORDER BY time DESC LIMIT {MaxRows}";
            try
            {
                var series = await influx.QueryAsync(query, ct);
                return TypedResults.Ok<IReadOnlyList<AlertHistoryEntry>>([.. series.SelectMany(AlertHistoryEntry.From)]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return InfluxConnection.Unavailable("alert history", ex);
            }
        });
        return app;
    }
}
