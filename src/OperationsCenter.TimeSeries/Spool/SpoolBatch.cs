namespace OperationsCenter.TimeSeries.Spool;

/// <summary>
/// Consecutive records read from the spool: their payloads joined, ready to ship as they are. The payload lives in
/// a pooled buffer: dispose the batch once it is shipped.
/// </summary>
public sealed class SpoolBatch : IDisposable
{
    private readonly PooledBufferWriter _buffer;

    internal SpoolBatch(long from, long next, PooledBufferWriter buffer, long points, DateTimeOffset oldestAppendedAt)
    {
        From = from;
        Next = next;
        _buffer = buffer;
        Points = points;
        OldestAppendedAt = oldestAppendedAt;
    }

    /// <summary>Offset of the first record.</summary>
    public long From { get; }

    /// <summary>Offset after the last record: the checkpoint once the batch is shipped.</summary>
    public long Next { get; }

    /// <summary>The records' line protocol, concatenated.</summary>
    public ReadOnlyMemory<byte> Payload => _buffer.WrittenMemory;

    /// <summary>Points in them.</summary>
    public long Points { get; }

    /// <summary>Append time of the first record.</summary>
    public DateTimeOffset OldestAppendedAt { get; }

    /// <inheritdoc />
    public void Dispose() => _buffer.Dispose();
}
