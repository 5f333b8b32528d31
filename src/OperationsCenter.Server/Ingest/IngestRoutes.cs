namespace OperationsCenter.Server.Ingest;

/// <summary>The ingest endpoints' paths, and which error dialect a request to one of them expects.</summary>
internal static class IngestRoutes
{
    /// <summary>InfluxDB 1.x write.</summary>
    public const string V1Write = "/write";

    /// <summary>InfluxDB 2.x write.</summary>
    public const string V2Write = "/api/v2/write";

    /// <summary>The native JSON feed.</summary>
    public const string Feeds = "/api/v1/feeds";

    /// <summary>
    /// The dialect of an ingest request, from its path, so answers made outside the endpoint (rate limiting, unhandled
    /// errors) still come in the shape the client understands; false for any other path.
    /// </summary>
    public static bool TryGetDialect(HttpRequest request, out IngestDialect dialect)
    {
        var path = request.Path;
        dialect = path.Equals(V1Write, StringComparison.OrdinalIgnoreCase) ? IngestDialect.V1
            : path.Equals(V2Write, StringComparison.OrdinalIgnoreCase) ? IngestDialect.V2
            : IngestDialect.Feed;
        return dialect != IngestDialect.Feed || path.Equals(Feeds, StringComparison.OrdinalIgnoreCase);
    }
}
