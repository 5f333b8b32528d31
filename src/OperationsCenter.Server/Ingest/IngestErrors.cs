namespace OperationsCenter.Server.Ingest;

/// <summary>Error answers in the shape each dialect's clients expect.</summary>
internal static class IngestErrors
{
    /// <summary>An error with an InfluxDB v2 code and a message saying what to fix.</summary>
    public static IResult Error(IngestDialect dialect, int status, string code, string message) => dialect switch
    {
        IngestDialect.V2 => Results.Json(new V2Error(code, message), statusCode: status),
        _ => Results.Json(new V1Error(message), statusCode: status),
    };

    /// <summary>429 with <c>Retry-After</c>, naming the limit that refused the request; nothing of it was stored.</summary>
    public static IResult TooMany(HttpContext context, IngestDialect dialect, IngestRefusal refusal, string? department, TimeSpan wait, IngestOptions options)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rate = options.RateLimit;
        var concurrency = options.Concurrency;
        var reason = refusal switch
        {
            IngestRefusal.Rate => $"too many requests for department \"{department}\": the limit is {rate.RequestsPerSecond} requests per second " +
                                  $"with bursts of {Math.Max(1, rate.Burst)} (OperationsCenter:Ingest:RateLimit)",
            IngestRefusal.DepartmentInFlight => $"too many requests in flight for department \"{department}\": the center works on at most " +
                                                $"{concurrency.MaxRequestsPerDepartment} of a department's requests at once, with " +
                                                $"{Math.Max(0, concurrency.QueuePerDepartment)} waiting (OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment, QueuePerDepartment)",
            IngestRefusal.Bytes => $"the center holds {concurrency.MaxBufferedBytes / (1024 * 1024)} MiB of request bodies for all departments " +
                                   "together, its limit (OperationsCenter:Ingest:Concurrency:MaxBufferedBytes)",
            _ => $"too many requests in flight: the center works on at most {concurrency.MaxRequests} ingest requests at once, " +
                 $"with {concurrency.QueueLimit} waiting, for all departments together (OperationsCenter:Ingest:Concurrency:MaxRequests)",
        };
        return Error(dialect, StatusCodes.Status429TooManyRequests, "too many requests",
            $"{reason}; nothing of this request was stored: send it again after {seconds} seconds, and send fewer, larger batches, one after another");
    }

    /// <summary>How long a client should wait before retrying a write the spool could not take.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>503 with <c>Retry-After</c>: the points could not be made durable, nothing of the body was taken.</summary>
    public static IResult Unavailable(HttpContext context, IngestDialect dialect, TimeSeries.Spool.SpoolFullException full)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reason = full.DiskFull
            ? "the center's disk is full"
            : "the center holds too many points not yet stored in InfluxDB";
        return Error(dialect, StatusCodes.Status503ServiceUnavailable, "unavailable",
            $"{reason}; nothing of this request was stored, send it again after {RetryAfterSeconds} seconds");
    }

    /// <summary>413 for a request of more lines (or JSON points) than <see cref="IngestLimitsOptions.MaxLinesPerRequest"/>.</summary>
    public static IResult TooManyLines(IngestDialect dialect, int limit) => Error(dialect, StatusCodes.Status413PayloadTooLarge, "request too large",
        $"request has more than {limit} {(dialect == IngestDialect.Feed ? "points" : "lines")}, the limit per request " +
        "(OperationsCenter:Ingest:Limits:MaxLinesPerRequest); nothing of it was stored: split the batch into smaller requests");

    /// <summary>500 without any detail of the failure: the reference lets operators find it in the log.</summary>
    public static IResult Internal(IngestDialect dialect, string reference) => Error(dialect, StatusCodes.Status500InternalServerError, "internal error",
        $"the center failed to process this request (reference {reference}); some or all of it may not be stored: send it again, " +
        "and if this keeps happening give the center's operators the reference");

    /// <summary>401 that never tells whether the key exists.</summary>
    public static IResult Unauthorized(IngestDialect dialect) => Error(dialect, StatusCodes.Status401Unauthorized, "unauthorized",
        "authorization failed: send your department key as 'Authorization: Token <key>', as the Basic-auth password, or as the 'p' query parameter");

    /// <summary>The answer for a body some or all of whose lines were refused.</summary>
    public static IResult Partial(IngestDialect dialect, IngestResult result, Func<int, string> where)
    {
        var lines = result.Problems.Select(p => $"{where(p.Line)}: {p.Message}").ToList();
        var status = result.WhollyForeign ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        var summary = result.WhollyForeign
            ? "every line belongs to another department: " + string.Join("\n", lines)
            : $"partial write: {result.Accepted} accepted, {result.Problems.Count} rejected: " + string.Join("\n", lines);
        return dialect switch
        {
            IngestDialect.V2 => Results.Json(new V2Error(result.WhollyForeign ? "forbidden" : "invalid", summary), statusCode: status),
            IngestDialect.V1 => Results.Json(new V1Error(summary), statusCode: status),
            _ => Results.Json(new FeedError(summary, result.Accepted,
                [.. result.Problems.Select(p => new FeedProblem(p.Line, p.Message))]), statusCode: status),
        };
    }

    internal sealed record V1Error(string Error);

    internal sealed record V2Error(string Code, string Message);

    internal sealed record FeedError(string Error, int Accepted, IReadOnlyList<FeedProblem> Errors);

    internal sealed record FeedProblem(int Index, string Message);
}
