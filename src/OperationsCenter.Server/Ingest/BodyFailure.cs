namespace OperationsCenter.Server.Ingest;

/// <summary>Why a body could not be read.</summary>
/// <param name="StatusCode">HTTP status to answer.</param>
/// <param name="Code">InfluxDB v2 error code.</param>
/// <param name="Message">What to fix.</param>
internal sealed record BodyFailure(int StatusCode, string Code, string Message)
{
    /// <summary>Set when a limit shared by all departments refused the body: answered 429 with <c>Retry-After</c>.</summary>
    public IngestRefusal? Refusal { get; init; }

    public static BodyFailure Busy() => new(StatusCodes.Status429TooManyRequests, "too many requests", "") { Refusal = IngestRefusal.Bytes };

    public static BodyFailure TooSlow(int bytesPerSecond) => new(
        StatusCodes.Status408RequestTimeout, "invalid",
        $"the request body arrived slower than {bytesPerSecond} bytes a second (OperationsCenter:Ingest:Concurrency:MinBodyBytesPerSecond); " +
        "nothing of it was stored: send it again, gzip it (Content-Encoding: gzip), or send smaller batches");

    public static BodyFailure TooLarge(long limit, bool compressed) => new(
        StatusCodes.Status413PayloadTooLarge,
        "request too large",
        compressed
            ? $"request body exceeds the limit of {limit} bytes after gzip decompression (OperationsCenter:Ingest:MaxDecompressedBytes); nothing of it was stored: split the batch into smaller requests"
            : $"request body exceeds the limit of {limit} bytes (OperationsCenter:Ingest:MaxBodyBytes); nothing of it was stored: split the batch into smaller requests");

    public static BodyFailure Incomplete() => new(
        StatusCodes.Status400BadRequest, "invalid", "the request body ended before the length the request announced (Content-Length or chunked encoding); send the whole body again");

    public static BodyFailure BadGzip() => new(
        StatusCodes.Status400BadRequest, "invalid", "request body is not valid gzip although Content-Encoding says gzip");

    public static BodyFailure Unsupported(string encoding) => new(
        StatusCodes.Status415UnsupportedMediaType, "invalid", $"Content-Encoding '{encoding}' is not supported; send gzip or an uncompressed body");
}
