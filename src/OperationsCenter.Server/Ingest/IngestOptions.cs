namespace OperationsCenter.Server.Ingest;

/// <summary>Ingest settings (<c>OperationsCenter:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>How often batched points are handed to the grains.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Most series handed to grains per second. Past it, series take turns (longest-waiting first), so ingest keeps
    /// its rate and live state lags a little instead of the silo drowning in calls.
    /// </summary>
    public int MaxGrainCallsPerSecond { get; set; } = 15_000;

    /// <summary>Largest request body accepted, as sent (compressed or not).</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest body after gzip decompression, against gzip bombs.</summary>
    public long MaxDecompressedBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Limits on lines and points (<c>OperationsCenter:Ingest:Limits</c>).</summary>
    public IngestLimitsOptions Limits { get; set; } = new();

    /// <summary>Per-department request rate (<c>OperationsCenter:Ingest:RateLimit</c>).</summary>
    public IngestRateLimitOptions RateLimit { get; set; } = new();
}
