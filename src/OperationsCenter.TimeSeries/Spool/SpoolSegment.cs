using Microsoft.Win32.SafeHandles;

namespace OperationsCenter.TimeSeries.Spool;

/// <summary>One segment file: records from <see cref="BaseOffset"/> on, named by that offset.</summary>
internal sealed class SpoolSegment(long baseOffset, string path, SafeFileHandle handle, long length) : IDisposable
{
    public long BaseOffset { get; } = baseOffset;

    public string Path { get; } = path;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>Bytes of whole records in the file.</summary>
    public long Length { get; set; } = length;

    public long End => BaseOffset + Length;

    public static string FileName(long baseOffset) => $"{baseOffset:D20}.seg";

    public void Dispose() => Handle.Dispose();
}
