namespace OperationsCenter.TimeSeries.Spool;

/// <summary>Creating and opening segment files.</summary>
internal static class SegmentFiles
{
    /// <summary>Creates an empty segment starting at <paramref name="baseOffset"/> and makes its name durable.</summary>
    public static SpoolSegment Create(string directory, long baseOffset)
    {
        var path = Path.Combine(directory, SpoolSegment.FileName(baseOffset));
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        DirectorySync.Flush(directory);
        return new SpoolSegment(baseOffset, path, handle, 0);
    }

    /// <summary>Opens an existing segment for reading and appending.</summary>
    public static SpoolSegment Open(string path, long baseOffset)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        return new SpoolSegment(baseOffset, path, handle, RandomAccess.GetLength(handle));
    }

    /// <summary>Base offsets of the segment files in <paramref name="directory"/>, ascending.</summary>
    public static List<(long BaseOffset, string Path)> List(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.seg")
            .Select(path => (Parsed: long.TryParse(Path.GetFileNameWithoutExtension(path), out var offset), Offset: offset, Path: path))
            .Where(f => f.Parsed)
            .Select(f => (f.Offset, f.Path))
            .OrderBy(f => f.Offset)];
}
