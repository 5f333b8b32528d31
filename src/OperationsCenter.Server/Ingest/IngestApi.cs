using Microsoft.Extensions.Options;
using OperationsCenter.Server.Security;
using OperationsCenter.TimeSeries.LineProtocol;

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
        });

        app.MapPost("/write", (HttpContext context, CancellationToken ct) =>
        {
            var query = context.Request.Query;
            if (string.IsNullOrEmpty(query["db"]))
            {
                return Task.FromResult(IngestErrors.Error(IngestDialect.V1, 400, "invalid", "database is required: add ?db=<name> (any name; the center stores every department's points in its own database)"));
            }

            return PrecisionNames.TryParseV1(query["precision"], out var precision)
                ? WriteAsync(context, IngestDialect.V1, precision, ct)
                : Task.FromResult(IngestErrors.Error(IngestDialect.V1, 400, "invalid", $"invalid precision '{query["precision"]}': use n, u, ms, s, m or h"));
        });

        app.MapPost("/api/v2/write", (HttpContext context, CancellationToken ct) =>
        {
            var query = context.Request.Query;
            if (string.IsNullOrEmpty(query["bucket"]))
            {
                return Task.FromResult(IngestErrors.Error(IngestDialect.V2, 400, "invalid", "bucket is required: add ?bucket=<name> (any name; the center stores every department's points in its own bucket)"));
            }

            return PrecisionNames.TryParseV2(query["precision"], out var precision)
                ? WriteAsync(context, IngestDialect.V2, precision, ct)
                : Task.FromResult(IngestErrors.Error(IngestDialect.V2, 400, "invalid", $"invalid precision '{query["precision"]}': use ns, us, ms or s"));
        });

        app.MapPost("/api/v1/feeds", FeedAsync);
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, IngestDialect dialect, Precision precision, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<DepartmentKeyResolver>().TryResolve(IngestKey.Find(context.Request), out var department))
        {
            return IngestErrors.Unauthorized(dialect);
        }

        var (body, failure) = await RequestBody.ReadAsync(context.Request, services.GetRequiredService<IOptions<IngestOptions>>().Value, ct);
        if (failure is not null)
        {
            return IngestErrors.Error(dialect, failure.StatusCode, failure.Code, failure.Message);
        }

        using (body)
        {
            var result = services.GetRequiredService<LineIngestor>().Ingest(body!.Span, precision, department);
            return result.Problems.Count == 0 ? Results.NoContent() : IngestErrors.Partial(dialect, result, line => $"line {line}");
        }
    }

    private static async Task<IResult> FeedAsync(HttpContext context, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<DepartmentKeyResolver>().TryResolve(IngestKey.Find(context.Request), out var department))
        {
            return IngestErrors.Unauthorized(IngestDialect.Feed);
        }

        var (body, failure) = await RequestBody.ReadAsync(context.Request, services.GetRequiredService<IOptions<IngestOptions>>().Value, ct);
        if (failure is not null)
        {
            return IngestErrors.Error(IngestDialect.Feed, failure.StatusCode, failure.Code, failure.Message);
        }

        using (body)
        {
            var feed = FeedConverter.Convert(body!.Span);
            if (feed.FatalError is { } fatal)
            {
                return IngestErrors.Error(IngestDialect.Feed, 400, "invalid", fatal);
            }

            var result = services.GetRequiredService<LineIngestor>().Ingest(feed.LineProtocol, Precision.Nanoseconds, department);

            // Lines of the converted body map back to the points that produced them.
            var problems = feed.Problems.Concat(result.Problems.Select(p => p with { Line = feed.PointIndexOfLine[p.Line - 1] }))
                .OrderBy(p => p.Line).ToList();
            var combined = new IngestResult(result.Accepted, problems);
            return problems.Count == 0 ? Results.NoContent() : IngestErrors.Partial(IngestDialect.Feed, combined, index => $"points[{index}]");
        }
    }
}
