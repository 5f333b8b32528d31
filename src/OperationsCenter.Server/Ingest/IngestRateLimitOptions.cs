namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Per-department request rate on the ingest endpoints (<c>OperationsCenter:Ingest:RateLimit</c>): a token bucket per
/// department that refills <see cref="RequestsPerSecond"/> and holds at most <see cref="Burst"/> requests.
/// </summary>
public sealed class IngestRateLimitOptions
{
    /// <summary>Sustained requests per second per department; 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a department may send at once after a quiet spell (say, agents flushing after an outage).</summary>
    public int Burst { get; set; } = 500;
}
