using System.Buffers;
using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace OperationsCenter.TimeSeries.Spool;

/// <summary>
/// The local write-ahead log between ingest and InfluxDB. An append completes only after its record is written and
/// fsync'd (appends that arrive while a sync runs share the next one: group commit), so an acknowledged point
/// survives a crash. The drainer reads records in order and moves a durable checkpoint; drained segments are deleted.
/// </summary>
public sealed partial class Spool : IAsyncDisposable
{
    private const int MaxGroupBytes = 8 << 20;

    private readonly SpoolOptions _options;
    private readonly string _directory;
    private readonly Lock _segmentsGate = new();
    private readonly List<SpoolSegment> _segments;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _writer;
    private readonly SpoolCheckpoint _checkpointFile;
    private TaskCompletionSource _committedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _committed;
    private long _checkpoint;
    private long _backlogPoints;

    private Spool(SpoolOptions options, string directory, List<SpoolSegment> segments, SpoolCheckpoint checkpointFile, long checkpoint, long backlogPoints)
    {
        _options = options;
        _directory = directory;
        _segments = segments;
        _checkpointFile = checkpointFile;
        _checkpoint = checkpoint;
        _committed = segments[^1].End;
        _backlogPoints = backlogPoints;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Offset after the last durable record.</summary>
    public long CommittedOffset => Volatile.Read(ref _committed);

    /// <summary>Offset up to which InfluxDB has confirmed the records.</summary>
    public long CheckpointOffset => Volatile.Read(ref _checkpoint);

    /// <summary>
    /// Appends one record of canonical line protocol and completes once it is on disk, with the offset after the
    /// record (a batch whose <see cref="SpoolBatch.Next"/> is at least that holds it). Throws
    /// <see cref="SpoolFullException"/> when the size limit is reached or the disk is full; nothing is then written.
    /// </summary>
    public Task<long> AppendAsync(ReadOnlyMemory<byte> payload, int points)
    {
        var pending = new PendingAppend(payload, points);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(Spool));
        }

        return pending.Completion.Task;
    }

    /// <summary>What is durable but not yet confirmed by InfluxDB.</summary>
    public SpoolBacklog Backlog()
    {
        var checkpoint = CheckpointOffset;
        var committed = CommittedOffset;
        if (committed <= checkpoint)
        {
            return new SpoolBacklog(0, 0, null);
        }

        Span<byte> header = stackalloc byte[SpoolRecord.HeaderSize];
        var oldest = ReadAt(checkpoint, header) == header.Length && SpoolRecord.TryReadHeader(header, out _, out _, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : (DateTimeOffset?)null;
        return new SpoolBacklog(committed - checkpoint, Volatile.Read(ref _backlogPoints), oldest);
    }

    /// <summary>Completes when records past <paramref name="offset"/> are durable.</summary>
    public Task WaitForDataAsync(long offset, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _committedSignal);
        return CommittedOffset > offset ? Task.CompletedTask : signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Reads whole records from <paramref name="from"/> until about <paramref name="maxBytes"/> of payload
    /// (at least one record); null when nothing durable lies past <paramref name="from"/>. Dispose the batch once shipped.
    /// </summary>
    public SpoolBatch? Read(long from, int maxBytes)
    {
        var committed = CommittedOffset;
        var output = new PooledBufferWriter((int)Math.Min(Math.Min(maxBytes, committed - from) + 64, int.MaxValue));
        Span<byte> header = stackalloc byte[SpoolRecord.HeaderSize];
        var offset = from;
        long points = 0;
        long oldestMs = 0;
        while (offset < committed && (offset == from || output.WrittenCount < maxBytes))
        {
            if (ReadAt(offset, header) != header.Length || !SpoolRecord.TryReadHeader(header, out var length, out var recordPoints, out var ms))
            {
                throw new InvalidDataException($"spool record at offset {offset} is unreadable");
            }

            if (offset == from)
            {
                oldestMs = ms;
            }

            var payload = output.GetSpan(length)[..length];
            if (ReadAt(offset + SpoolRecord.HeaderSize, payload) != length)
            {
                throw new InvalidDataException($"spool record at offset {offset} is cut short");
            }

            output.Advance(length);
            points += recordPoints;
            offset += SpoolRecord.HeaderSize + length;
        }

        if (offset == from)
        {
            output.Dispose();
            return null;
        }

        return new SpoolBatch(from, offset, output, points, DateTimeOffset.FromUnixTimeMilliseconds(oldestMs));
    }

    /// <summary>
    /// Records that InfluxDB has everything before <paramref name="offset"/>: made durable, then the segments wholly
    /// before it are deleted.
    /// </summary>
    public void Checkpoint(long offset, long points)
    {
        _checkpointFile.Write(offset);
        Volatile.Write(ref _checkpoint, offset);
        Interlocked.Add(ref _backlogPoints, -points);

        List<SpoolSegment> drained;
        lock (_segmentsGate)
        {
            // A segment is drained when the next one starts at or before the checkpoint; the last is never deleted.
            drained = [.. _segments.Take(_segments.Count - 1).Where((s, i) => _segments[i + 1].BaseOffset <= offset)];
            _segments.RemoveRange(0, drained.Count);
        }

        foreach (var segment in drained)
        {
            segment.Dispose();
            File.Delete(segment.Path);
        }

        if (drained.Count > 0)
        {
            DirectorySync.Flush(_directory);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        _checkpointFile.Dispose();
        lock (_segmentsGate)
        {
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }
        }
    }

    private int ReadAt(long offset, Span<byte> destination)
    {
        SpoolSegment segment;
        lock (_segmentsGate)
        {
            segment = _segments.Last(s => s.BaseOffset <= offset);
        }

        return RandomAccess.Read(segment.Handle, destination, offset - segment.BaseOffset);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            buffer.ResetWrittenCount();
            var groupPoints = 0L;
            var backlog = CommittedOffset - CheckpointOffset;
            while (buffer.WrittenCount < MaxGroupBytes && _queue.Reader.TryRead(out var pending))
            {
                var size = SpoolRecord.HeaderSize + pending.Payload.Length;
                if (backlog + buffer.WrittenCount + size > _options.MaxBytes)
                {
                    pending.Completion.TrySetException(new SpoolFullException(
                        $"the spool holds {backlog} bytes not yet stored in InfluxDB, at its limit of {_options.MaxBytes} bytes", diskFull: false));
                    continue;
                }

                var span = buffer.GetSpan(size);
                SpoolRecord.WriteHeader(span, pending.Payload.Span, pending.Points, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                pending.Payload.Span.CopyTo(span[SpoolRecord.HeaderSize..]);
                buffer.Advance(size);
                pending.EndInGroup = buffer.WrittenCount;
                groupPoints += pending.Points;
                group.Add(pending);
            }

            if (group.Count == 0)
            {
                continue;
            }

            var groupStart = CommittedOffset;
            try
            {
                Commit(buffer.WrittenSpan);
            }
            catch (Exception ex)
            {
                var failure = IsDiskFull(ex)
                    ? new SpoolFullException("the disk holding the spool is full", diskFull: true, ex)
                    : ex;
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(failure);
                }

                continue;
            }

            Interlocked.Add(ref _backlogPoints, groupPoints);
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult(groupStart + pending.EndInGroup);
            }
        }
    }

    /// <summary>Writes and fsyncs one group; on failure the segment is cut back so no partial record remains.</summary>
    private void Commit(ReadOnlySpan<byte> records)
    {
        var segment = CurrentSegmentFor(records.Length);
        try
        {
            RandomAccess.Write(segment.Handle, records, segment.Length);
            RandomAccess.FlushToDisk(segment.Handle);
        }
        catch
        {
            RandomAccess.SetLength(segment.Handle, segment.Length);
            throw;
        }

        segment.Length += records.Length;
        Volatile.Write(ref _committed, segment.End);
        Interlocked.Exchange(ref _committedSignal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private SpoolSegment CurrentSegmentFor(int bytes)
    {
        SpoolSegment current;
        lock (_segmentsGate)
        {
            current = _segments[^1];
        }

        if (current.Length == 0 || current.Length + bytes <= _options.SegmentBytes)
        {
            return current;
        }

        var next = SegmentFiles.Create(_directory, current.End);
        lock (_segmentsGate)
        {
            _segments.Add(next);
        }

        return next;
    }

    private static bool IsDiskFull(Exception ex) =>
        ex is IOException io && ((io.HResult & 0xFFFF) == 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase));

    private sealed class PendingAppend(ReadOnlyMemory<byte> payload, int points)
    {
        public ReadOnlyMemory<byte> Payload { get; } = payload;

        public int Points { get; } = points;

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long EndInGroup { get; set; }
    }
}
