using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace OperationsCenter.TimeSeries.Spool;

/// <summary>
/// The drained-up-to offset, in a small file of two slots written in place, alternately, each fsync'd. In place
/// because a checkpoint must be writable when the disk is full (it is what frees space); two slots so a write torn
/// by a crash leaves the other, older slot intact. A slot holds a sequence number, the offset and their complements.
/// </summary>
internal sealed class SpoolCheckpoint : IDisposable
{
    private const int SlotSize = 32;
    private readonly SafeFileHandle _handle;
    private long _sequence;

    /// <summary>Opens or creates the checkpoint file in <paramref name="directory"/>.</summary>
    public SpoolCheckpoint(string directory)
    {
        var path = Path.Combine(directory, "checkpoint");
        var created = !File.Exists(path);
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        if (created || RandomAccess.GetLength(_handle) < 2 * SlotSize)
        {
            RandomAccess.Write(_handle, new byte[2 * SlotSize], 0);
            RandomAccess.FlushToDisk(_handle);
            DirectorySync.Flush(directory);
        }
    }

    /// <summary>The stored offset, or null when none was ever written.</summary>
    public long? Read()
    {
        Span<byte> slots = stackalloc byte[2 * SlotSize];
        RandomAccess.Read(_handle, slots, 0);
        long? offset = null;
        for (var slot = 0; slot < 2; slot++)
        {
            var bytes = slots.Slice(slot * SlotSize, SlotSize);
            var sequence = BinaryPrimitives.ReadInt64LittleEndian(bytes);
            var value = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
            var valid = sequence > 0 &&
                        BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]) == ~sequence &&
                        BinaryPrimitives.ReadInt64LittleEndian(bytes[24..]) == ~value;
            if (valid && sequence > _sequence)
            {
                _sequence = sequence;
                offset = value;
            }
        }

        return offset;
    }

    /// <summary>Stores <paramref name="offset"/> durably, over the older slot.</summary>
    public void Write(long offset)
    {
        var sequence = _sequence + 1;
        Span<byte> bytes = stackalloc byte[SlotSize];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], ~sequence);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[24..], ~offset);
        RandomAccess.Write(_handle, bytes, (sequence % 2) * SlotSize);
        RandomAccess.FlushToDisk(_handle);
        _sequence = sequence;
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
