using Microsoft.Extensions.Options;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Ingest;

/// <summary>The InfluxDB-compatible write endpoints and the native JSON feed.</summary>
internal static class IngestApi
{
    /// <summary>The version <c>/ping</c> reports: the InfluxDB write API we are compatible with, and who we are.</summary>
    public const string CompatibleVersion = "1.8.10-operationscenter";

    /// <summary>Maps <c>/ping</c>, <c>/write</c>, <c>/api/v2/write</c> and <c>/api/v1/feeds</c>.</summary>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/ping", [HttpMethods.Get, HttpMethods.Head], (HttpResponse response) =>
        {
            response.Headers["X-Influxdb-Version"] = CompatibleVersion;
            response.Headers["X-Influxdb-Build"] = "OperationsCenter";
            return Results.NoContent();
        }).AllowAnonymous();

        // Departments authenticate with their key, checked here in each protocol's own error shape, not by sign-in.
        app.MapPost(IngestRoutes.V1Write, (HttpContext context, CancellationToken ct) => WriteAsync(context, WriteShape.V1, ct))
            .AllowAnonymous().RequireRateLimiting(DepartmentRateLimitPolicy.Name)
            .Describe<IngestErrors.V1Error>("text/plain", "InfluxDB 1.x write: line protocol, the department key as a token, Basic-auth password or p");
        app.MapPost(IngestRoutes.V2Write, (HttpContext context, CancellationToken ct) => WriteAsync(context, WriteShape.V2, ct))
            .AllowAnonymous().RequireRateLimiting(DepartmentRateLimitPolicy.Name)
            .Describe<IngestErrors.V2Error>("text/plain", "InfluxDB 2.x write: line protocol, the department key as a token");
        app.MapPost(IngestRoutes.Feeds, FeedAsync)
            .AllowAnonymous().RequireRateLimiting(DepartmentRateLimitPolicy.Name)
            .Describe<IngestErrors.FeedError>("application/json", "The native JSON feed: {\"points\": [{measurement, tags, fields, time}]}; " +
                "or a CSV report (text/csv: time, metric, value, unit, department and tag columns), errors by row");
        return app;
    }

    /// <summary>
    /// What a write endpoint takes and answers, for the OpenAPI document: the endpoints read their body themselves, so
    /// nothing would be inferred. Every refusal has the endpoint's error shape.
    /// </summary>
    private static RouteHandlerBuilder Describe<TError>(this RouteHandlerBuilder endpoint, string contentType, string summary) => endpoint
        .WithSummary(summary)
        // Any content type routes here, as InfluxDB takes any: curl --data-binary says form-urlencoded.
        .Accepts<string>(contentType, "*/*")
        .Produces(StatusCodes.Status204NoContent)
        .Produces<TError>(StatusCodes.Status400BadRequest)
        .Produces<TError>(StatusCodes.Status401Unauthorized)
        .Produces<TError>(StatusCodes.Status403Forbidden)
        .Produces<TError>(StatusCodes.Status408RequestTimeout)
        .Produces<TError>(StatusCodes.Status413PayloadTooLarge)
        .Produces<TError>(StatusCodes.Status415UnsupportedMediaType)
        .Produces<TError>(StatusCodes.Status429TooManyRequests)
        .Produces<TError>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> WriteAsync(HttpContext context, WriteShape shape, CancellationToken ct)
    {
        var dialect = shape.Dialect;
        var services = context.RequestServices;

        // The key first, as InfluxDB does: nothing about the request is answered to someone without one.
        if (!IngestKey.TryResolveDepartment(context, services.GetRequiredService<DepartmentKeyResolver>(), out var department))
        {
            return IngestErrors.Unauthorized(dialect);
        }

        var query = context.Request.Query;
        if (string.IsNullOrEmpty(query[shape.TargetParameter]))
        {
            return IngestErrors.Error(dialect, 400, "invalid", $"{shape.TargetName} is required: add ?{shape.TargetParameter}=<name> (any name; the center keeps every department's points in its own store)");
        }

        if (!shape.TryParsePrecision(query["precision"], out var precision))
        {
            return IngestErrors.Error(dialect, 400, "invalid", $"invalid precision '{query["precision"]}': use {shape.Precisions}");
        }

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var (admitted, refused) = await AdmittedBody.AdmitAsync(context, dialect, department, options, ct);
        if (refused is not null)
        {
            return refused;
        }

        using (admitted)
        {
            try
            {
                var result = await services.GetRequiredService<LineIngestor>().IngestAsync(admitted!.Body.Memory, precision, department, IngestDialectTag.Line);
                if (result.TooManyLines)
                {
                    return IngestErrors.TooManyLines(dialect, options.Limits.MaxLinesPerRequest);
                }

                return result.Problems.Count == 0 ? Results.NoContent() : IngestErrors.Partial(dialect, result, line => $"line {line}");
            }
            catch (SpoolFullException full)
            {
                return IngestErrors.Unavailable(context, dialect, full);
            }
        }
    }

    private static async Task<IResult> FeedAsync(HttpContext context, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (!IngestKey.TryResolveDepartment(context, services.GetRequiredService<DepartmentKeyResolver>(), out var department))
        {
            return IngestErrors.Unauthorized(IngestDialect.Feed);
        }

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var (admitted, refused) = await AdmittedBody.AdmitAsync(context, IngestDialect.Feed, department, options, ct);
        if (refused is not null)
        {
            return refused;
        }

        using (admitted)
        {
            // A CSV report (text/csv) is the same feed as rows of a spreadsheet, checked against the catalog.
            var csv = Departments.Reports.ReportFile.IsCsv(context.Request.ContentType);
            var table = csv ? Departments.Reports.ReportFile.ReadCsv(admitted!.Body.Memory) : null;
            if (table?.Rows.Count > options.Limits.MaxLinesPerRequest)
            {
                return IngestErrors.TooManyLines(IngestDialect.Feed, options.Limits.MaxLinesPerRequest);
            }

            var feed = table is not null
                ? services.GetRequiredService<Departments.Reports.ReportConverter>().Convert(table, department).Conversion
                : FeedConverter.Convert(admitted!.Body.Memory, services.GetRequiredService<FieldTypeRegistry>());
            if (feed.FatalError is { } fatal)
            {
                return IngestErrors.Error(IngestDialect.Feed, 400, "invalid", fatal);
            }

            if (feed.PointIndexOfLine.Count + feed.Problems.Count > options.Limits.MaxLinesPerRequest)
            {
                return IngestErrors.TooManyLines(IngestDialect.Feed, options.Limits.MaxLinesPerRequest);
            }

            IngestResult result;
            try
            {
                result = await services.GetRequiredService<FeedIngest>().IngestAsync(feed, department, csv ? IngestDialectTag.Csv : IngestDialectTag.Json);
            }
            catch (SpoolFullException full)
            {
                return IngestErrors.Unavailable(context, IngestDialect.Feed, full);
            }

            // A report's rows are numbered as a spreadsheet shows them (the header is row 1).
            return result.Problems.Count == 0 ? Results.NoContent()
                : IngestErrors.Partial(IngestDialect.Feed, result, index => csv ? $"row {index}" : $"points[{index}]");
        }
    }
}
