namespace OperationsCenter.Server.Ingest;

/// <summary>Which API a request came in on, which decides the shape of its error bodies.</summary>
internal enum IngestDialect
{
    /// <summary>InfluxDB 1.x <c>/write</c>: <c>{"error": "..."}</c>.</summary>
    V1,

    /// <summary>InfluxDB 2.x <c>/api/v2/write</c>: <c>{"code": "...", "message": "..."}</c>.</summary>
    V2,

    /// <summary>The native JSON feed: <c>{"error": "...", "errors": [...]}</c>.</summary>
    Feed,
}
