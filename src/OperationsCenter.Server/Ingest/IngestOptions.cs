namespace OperationsCenter.Server.Ingest;

/// <summary>Ingest settings (<c>OperationsCenter:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>How often batched points are handed to the grains.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Most partition calls made per second. Past it, partitions take turns (longest-waiting first), so ingest keeps
    /// its rate and live state lags a little instead of the silo drowning in calls.
    /// </summary>
    public int MaxGrainCallsPerSecond { get; set; } = 15_000;

    /// <summary>Largest request body accepted, as sent (compressed or not).</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Largest body after gzip decompression, against gzip bombs. 32 MiB holds the most lines a request may carry
    /// (<see cref="IngestLimitsOptions.MaxLinesPerRequest"/>) at over 300 bytes a line, and is a power of two so the
    /// pooled buffer that holds it is not rounded up to the next one.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Limits on lines and points (<c>OperationsCenter:Ingest:Limits</c>).</summary>
    public IngestLimitsOptions Limits { get; set; } = new();

    /// <summary>Per-department request rate (<c>OperationsCenter:Ingest:RateLimit</c>).</summary>
    public IngestRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Ingest requests in flight, in all and per department (<c>OperationsCenter:Ingest:Concurrency</c>).</summary>
    public IngestConcurrencyOptions Concurrency { get; set; } = new();
}
