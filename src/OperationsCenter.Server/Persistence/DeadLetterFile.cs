using System.Text;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Lines InfluxDB refused for good (say, a field type conflict), kept with the reason as line protocol comments so
/// they can be fixed and replayed by hand. Refused lines never block the drain.
/// </summary>
internal sealed class DeadLetterFile(string path)
{
    private readonly Lock _gate = new();
    private long _count;

    /// <summary>Where the refused lines are.</summary>
    public string Path { get; } = path;

    /// <summary>Lines written since start.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Appends refused lines under a comment giving the reason, and fsyncs.</summary>
    public void Add(ReadOnlySpan<byte> lines, string reason, int lineCount)
    {
        var comment = Encoding.UTF8.GetBytes($"# {DateTimeOffset.UtcNow:O} refused by InfluxDB: {reason.ReplaceLineEndings(" ")}\n");
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(comment);
            file.Write(lines);
            if (lines.Length > 0 && lines[^1] != (byte)'\n')
            {
                file.WriteByte((byte)'\n');
            }

            file.Flush(flushToDisk: true);
        }

        Interlocked.Add(ref _count, lineCount);
    }
}
