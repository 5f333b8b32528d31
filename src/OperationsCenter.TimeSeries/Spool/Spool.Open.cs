namespace OperationsCenter.TimeSeries.Spool;

/// <summary>Opening a spool: recovery after a clean stop or a crash.</summary>
public sealed partial class Spool
{
    /// <summary>
    /// Opens (or creates) the spool in <see cref="SpoolOptions.Directory"/>. The last segment is scanned record by
    /// record and cut at the first record whose checksum fails: a write torn by a crash, never acknowledged.
    /// </summary>
    public static Spool Open(SpoolOptions options)
    {
        var directory = Path.GetFullPath(options.Directory);
        Directory.CreateDirectory(directory);
        var checkpointFile = new SpoolCheckpoint(directory);
        var files = SegmentFiles.List(directory);
        var checkpoint = checkpointFile.Read() ?? (files.Count > 0 ? files[0].BaseOffset : 0);

        var segments = files.Select(f => SegmentFiles.Open(f.Path, f.BaseOffset)).ToList();
        if (segments.Count == 0)
        {
            segments.Add(SegmentFiles.Create(directory, checkpoint));
        }

        var last = segments[^1];
        last.Length = ValidLength(last);
        RandomAccess.SetLength(last.Handle, last.Length);
        RandomAccess.FlushToDisk(last.Handle);

        checkpoint = Math.Clamp(checkpoint, segments[0].BaseOffset, last.End);
        return new Spool(options, directory, segments, checkpointFile, checkpoint, CountPoints(segments, checkpoint));
    }

    /// <summary>Bytes of whole, intact records at the start of the segment.</summary>
    private static long ValidLength(SpoolSegment segment)
    {
        var fileLength = RandomAccess.GetLength(segment.Handle);
        Span<byte> header = stackalloc byte[SpoolRecord.HeaderSize];
        var payload = new byte[64 * 1024];
        long offset = 0;
        while (offset + SpoolRecord.HeaderSize <= fileLength)
        {
            if (RandomAccess.Read(segment.Handle, header, offset) != header.Length ||
                !SpoolRecord.TryReadHeader(header, out var length, out _, out _) ||
                offset + SpoolRecord.HeaderSize + length > fileLength)
            {
                break;
            }

            if (payload.Length < length)
            {
                payload = new byte[length];
            }

            var span = payload.AsSpan(0, length);
            if (RandomAccess.Read(segment.Handle, span, offset + SpoolRecord.HeaderSize) != length || !SpoolRecord.Verify(header, span))
            {
                break;
            }

            offset += SpoolRecord.HeaderSize + length;
        }

        return offset;
    }

    /// <summary>Points in the records from <paramref name="checkpoint"/> on, from their headers.</summary>
    private static long CountPoints(List<SpoolSegment> segments, long checkpoint)
    {
        Span<byte> header = stackalloc byte[SpoolRecord.HeaderSize];
        long points = 0;
        foreach (var segment in segments.Where(s => s.End > checkpoint))
        {
            var offset = Math.Max(0, checkpoint - segment.BaseOffset);
            while (offset < segment.Length &&
                   RandomAccess.Read(segment.Handle, header, offset) == header.Length &&
                   SpoolRecord.TryReadHeader(header, out var length, out var recordPoints, out _))
            {
                points += recordPoints;
                offset += SpoolRecord.HeaderSize + length;
            }
        }

        return points;
    }
}
