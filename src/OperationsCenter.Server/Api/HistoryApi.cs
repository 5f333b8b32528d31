using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Persistence;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Api;

/// <summary><c>GET /api/v1/series/history</c>: a field over time from InfluxDB, raw or aggregated per interval.</summary>
internal static partial class HistoryApi
{
    private const int MaxPoints = 10_000;
    private static readonly HashSet<string> Aggregates = ["mean", "median", "min", "max", "sum", "count", "first", "last", "spread", "stddev"];

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/series/history", HistoryAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<HistorySeries>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> HistoryAsync(
        InfluxConnection influx, string? measurement, string? field, string? department, DateTimeOffset? from, DateTimeOffset? to,
        string? every, string? agg, CancellationToken ct)
    {
        if (measurement is not { Length: > 0 } || field is not { Length: > 0 })
        {
            return TypedResults.BadRequest(new ApiError("measurement and field are required, e.g. ?measurement=dossiers&field=overdue"));
        }

        // The center's own records have their own APIs, which check roles (the audit is for admins only).
        if (ReservedMeasurements.ApiFor(measurement) is { } api)
        {
            return TypedResults.BadRequest(new ApiError(
                $"measurement \"{measurement}\" holds the center's own records and is not served here: use {api}"));
        }

        var end = to ?? DateTimeOffset.UtcNow;
        var start = from ?? end.AddHours(-1);
        if (start >= end)
        {
            return TypedResults.BadRequest(new ApiError("from must be before to"));
        }

        string select;
        string group;
        if (every is { Length: > 0 })
        {
            var aggregate = agg is { Length: > 0 } ? agg.ToLowerInvariant() : "mean";
            if (!Aggregates.Contains(aggregate))
            {
                return TypedResults.BadRequest(new ApiError($"agg '{agg}' is not one of {string.Join(", ", Aggregates.Order())}"));
            }

            if (ParseEvery(every) is not { } interval || (end - start) / interval > MaxPoints)
            {
                return TypedResults.BadRequest(new ApiError(
                    $"every '{every}' must be a duration like 30s, 5m, 1h or 1d giving at most {MaxPoints} intervals between from and to"));
            }

            select = $"{aggregate}({InfluxQl.Identifier(field)}) AS \"value\"";
            group = $"GROUP BY time({every}), * fill(none)";
        }
        else
        {
            select = $"{InfluxQl.Identifier(field)} AS \"value\"";
            group = $"GROUP BY * LIMIT {MaxPoints}";
        }

        var filter = department is { Length: > 0 } ? $" AND \"department\" = {InfluxQl.StringLiteral(department)}" : "";
        var query = string.Create(CultureInfo.InvariantCulture,
            $"SELECT {select} FROM {InfluxQl.Identifier(measurement)} WHERE time >= {Nanos(start)} AND time < {Nanos(end)}{filter} {group}");
        try
        {
            var series = await influx.QueryAsync(query, ct);
            return TypedResults.Ok<IReadOnlyList<HistorySeries>>([.. series.Select(HistorySeries.From)]);
        }
        catch (InfluxQueryException ex) when (ex.Message.Contains("error parsing", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.BadRequest(new ApiError($"InfluxDB refused the query: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return InfluxConnection.Unavailable("history", ex);
        }
    }

    private static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static TimeSpan? ParseEvery(string every)
    {
        var match = EveryPattern().Match(every);
        if (!match.Success)
        {
            return null;
        }

        var n = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
    }

    [GeneratedRegex("^([1-9][0-9]{0,6})(s|m|h|d|w)$")]
    private static partial Regex EveryPattern();
}
