using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Departments.Reports;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Persistence;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Departments;

/// <summary>
/// A department's own page (<c>/department/{id}</c>) and its API (<c>/api/v1/departments/{id}/…</c>): its feed, its
/// refused lines, its open alerts, and reports uploaded as CSV or Excel. Its staff and admins only; another
/// department's page or data answers 403.
/// </summary>
internal static class DepartmentsApi
{
    private const int MaxDays = 31;

    /// <summary>Maps the page and the API.</summary>
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app, string? wallPath)
    {
        // The person's own page; an admin who is nobody's staff names the department in the address.
        app.MapGet("/department", (ClaimsPrincipal user) => DepartmentAccess.DepartmentsOf(user) is [var own, ..]
            ? Results.Redirect("/department/" + own)
            : Results.NotFound(new ApiError("you are not on any department's staff: open /department/<id> with the department's id")))
            .RequireAuthorization(Policies.Department);
        if (wallPath is not null)
        {
            app.MapGet("/department/{id}", () => Results.File(Path.Combine(wallPath, "department.html"), "text/html; charset=utf-8"))
                .RequireDepartmentOfRoute();
        }

        var api = app.MapGroup("/api/v1/departments/{id}").RequireDepartmentOfRoute();
        api.MapGet("/", async Task<Ok<DepartmentPage>> (DepartmentQueries queries, string id) => TypedResults.Ok(await queries.PageAsync(id)))
            .WithSummary("A department's page: last received, series, refused lines of the last 7 days, open alerts, metric groups");
        api.MapGet("/points-per-day", PointsPerDayAsync)
            .WithSummary("Points stored per day (Asia/Ho_Chi_Minh) over the last days (default 14, at most 31)");
        api.MapGet("/templates/{measurement}.csv", Template)
            .WithSummary("The CSV report template of a metric group (a measurement of the catalog)");
        api.MapPost("/reports/preview", PreviewAsync)
            .WithSummary("Checks a CSV or Excel report against the catalog, row by row; stores nothing");
        api.MapPost("/reports", StoreAsync)
            .WithSummary("Stores a CSV or Excel report's good rows, through the same ingest as every write; answers the refused rows");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DayCount>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> PointsPerDayAsync(
        DepartmentQueries queries, string id, int? days, CancellationToken ct)
    {
        if (days is < 1 or > MaxDays)
        {
            return TypedResults.BadRequest(new ApiError($"days must be 1 to {MaxDays}"));
        }

        try
        {
            return TypedResults.Ok(await queries.PointsPerDayAsync(id, days ?? 14, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return InfluxConnection.Unavailable("points per day", ex);
        }
    }

    private static Results<FileContentHttpResult, NotFound<ApiError>> Template(ConfiguredCatalog configured, TimeProvider clock, string id, string measurement) =>
        configured.Catalog is { } catalog && ReportTemplate.For(catalog, measurement, id, clock.GetUtcNow()) is { } template
            ? TypedResults.File(template, "text/csv; charset=utf-8", $"bao-cao-{measurement}.csv")
            : TypedResults.NotFound(new ApiError($"the catalog has no metric group \"{measurement}\""));

    private static async Task<Results<Ok<ReportPreview>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> PreviewAsync(
        HttpContext context, ReportConverter converter, IOptions<IngestOptions> options, string id, string? file, CancellationToken ct)
    {
        var (body, refused) = await ReadFileAsync(context, options.Value, ct);
        if (body is null)
        {
            return refused!;
        }

        var check = converter.Convert(ReportFile.Read(body), id);
        return check.Conversion.FatalError is { } fatal
            ? TypedResults.BadRequest(new ApiError(fatal))
            : TypedResults.Ok(new ReportPreview(file ?? "", check.Rows.Count(r => r.Error is null), check.Rows.Count(r => r.Error is not null), check.Rows));
    }

    private static async Task<Results<Ok<ReportOutcome>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> StoreAsync(
        HttpContext context, ReportConverter converter, FeedIngest ingest, IOptions<IngestOptions> options, string id, CancellationToken ct)
    {
        var (body, refused) = await ReadFileAsync(context, options.Value, ct);
        if (body is null)
        {
            return refused!;
        }

        var conversion = converter.Convert(ReportFile.Read(body), id).Conversion;
        if (conversion.FatalError is { } fatal)
        {
            return TypedResults.BadRequest(new ApiError(fatal));
        }

        try
        {
            var result = await ingest.IngestAsync(conversion, id, IngestDialectTag.Csv);
            return TypedResults.Ok(new ReportOutcome(result.Accepted, [.. result.Problems.Select(p => new ReportProblem(p.Line, p.Message))]));
        }
        catch (SpoolFullException full)
        {
            context.Response.Headers.RetryAfter = IngestErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(new ApiError((full.DiskFull ? "the center's disk is full" : "the center holds too many points not yet stored") +
                $"; nothing of this report was stored: send it again in a minute"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The uploaded file: the request's body as sent (the page posts the file itself), at most <c>MaxBodyBytes</c>.</summary>
    private static async Task<(byte[]? Body, JsonHttpResult<ApiError>? Refused)> ReadFileAsync(HttpContext context, IngestOptions options, CancellationToken ct)
    {
        var limit = options.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? (null, TypedResults.Json(new ApiError("the file is empty: choose a .csv or .xlsx report"), statusCode: StatusCodes.Status400BadRequest))
            : (buffer.ToArray(), null);
    }

    private static JsonHttpResult<ApiError> TooLarge(long limit) => TypedResults.Json(
        new ApiError($"the file is larger than {limit / (1024 * 1024)} MiB, the limit (OperationsCenter:Ingest:MaxBodyBytes): split the report"),
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
