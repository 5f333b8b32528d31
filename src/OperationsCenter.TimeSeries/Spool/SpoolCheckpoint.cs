using System.Buffers.Binary;

namespace OperationsCenter.TimeSeries.Spool;

/// <summary>
/// The drained-up-to offset, replaced atomically: written to a temporary file, fsync'd, renamed over the old one,
/// and the directory fsync'd, so a crash leaves either the old or the new value, never a torn one.
/// </summary>
internal sealed class SpoolCheckpoint(string directory)
{
    private readonly string _path = Path.Combine(directory, "checkpoint");
    private readonly string _temporary = Path.Combine(directory, "checkpoint.tmp");

    /// <summary>The stored offset, or null when none was ever written.</summary>
    public long? Read()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(_path);
        if (bytes.Length != 16 || BinaryPrimitives.ReadInt64LittleEndian(bytes) != ~BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)))
        {
            throw new InvalidDataException($"the spool checkpoint {_path} is damaged; move it aside to re-ship the whole spool (duplicates are harmless)");
        }

        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    /// <summary>Stores <paramref name="offset"/> durably.</summary>
    public void Write(long offset)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, offset);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], ~offset);
        using (var handle = File.OpenHandle(_temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
            RandomAccess.FlushToDisk(handle);
        }

        File.Move(_temporary, _path, overwrite: true);
        DirectorySync.Flush(directory);
    }
}
