namespace OperationsCenter.TimeSeries.Spool;

/// <summary>Consecutive records read from the spool: their payloads joined, ready to ship as they are.</summary>
/// <param name="From">Offset of the first record.</param>
/// <param name="Next">Offset after the last record: the checkpoint once the batch is shipped.</param>
/// <param name="Payload">The records' line protocol, concatenated.</param>
/// <param name="Points">Points in them.</param>
/// <param name="OldestAppendedAt">Append time of the first record.</param>
public sealed record SpoolBatch(long From, long Next, ReadOnlyMemory<byte> Payload, long Points, DateTimeOffset OldestAppendedAt);
