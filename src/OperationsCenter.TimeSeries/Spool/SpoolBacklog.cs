namespace OperationsCenter.TimeSeries.Spool;

/// <summary>What is durable in the spool but not yet confirmed by InfluxDB.</summary>
/// <param name="Bytes">Bytes of records, headers included.</param>
/// <param name="Points">Points in them.</param>
/// <param name="OldestAppendedAt">When the oldest of them was appended; null when the backlog is empty.</param>
public sealed record SpoolBacklog(long Bytes, long Points, DateTimeOffset? OldestAppendedAt);
