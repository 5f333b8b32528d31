using System.Buffers.Binary;
using System.IO.Hashing;

namespace OperationsCenter.TimeSeries.Spool;

/// <summary>
/// Record framing: a 24-byte header (magic, payload length, points, CRC-32, append time in Unix ms) and the payload.
/// The CRC covers the header (with its CRC field zero) and the payload, so a torn write at the tail is detected.
/// </summary>
internal static class SpoolRecord
{
    public const int HeaderSize = 24;
    private const uint Magic = 0x5053434F; // "OCSP"

    /// <summary>Writes the header for <paramref name="payload"/> into <paramref name="header"/>.</summary>
    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload, int points, long appendedAtMs)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], points);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], appendedAtMs);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], Checksum(header, payload));
    }

    /// <summary>Reads a header; false when it is not one (zeros past the tail, a torn write, garbage).</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out int length, out int points, out long appendedAtMs)
    {
        length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        points = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        appendedAtMs = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        return BinaryPrimitives.ReadUInt32LittleEndian(header) == Magic && length >= 0 && points >= 0;
    }

    /// <summary>True when header and payload are what was written.</summary>
    public static bool Verify(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        Span<byte> copy = stackalloc byte[HeaderSize];
        header[..HeaderSize].CopyTo(copy);
        BinaryPrimitives.WriteUInt32LittleEndian(copy[12..], 0);
        return Checksum(copy, payload) == BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
    }

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var crc = new Crc32();
        crc.Append(header[..HeaderSize]);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }
}
