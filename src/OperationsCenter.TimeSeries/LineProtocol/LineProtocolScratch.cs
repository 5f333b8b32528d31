namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Reusable buffers for <see cref="LineProtocolReader"/> (tag and field slots, the unescape buffer) so that a hot
/// loop over many request bodies does not allocate. The buffers only grow; after a warm-up with the largest lines
/// seen, reading allocates nothing. Not thread-safe: use one instance per thread or per request.
/// </summary>
public sealed class LineProtocolScratch
{
    private const int InitialSlots = 16;
    private const int InitialBytes = 256;

    /// <summary>Creates empty scratch buffers.</summary>
    public LineProtocolScratch()
    {
    }

    /// <summary>Tag slots of the current line.</summary>
    internal TagSlot[] Tags { get; private set; } = new TagSlot[InitialSlots];

    /// <summary>Field slots of the current line.</summary>
    internal FieldSlot[] Fields { get; private set; } = new FieldSlot[InitialSlots];

    /// <summary>Unescaped tokens of the current line.</summary>
    internal byte[] Bytes { get; private set; } = new byte[InitialBytes];

    /// <summary>Number of bytes of <see cref="Bytes"/> used by the current line.</summary>
    internal int ByteCount { get; private set; }

    /// <summary>Forgets the previous line's unescaped tokens.</summary>
    internal void ResetBytes() => ByteCount = 0;

    /// <summary>Returns the tag slot at <paramref name="index"/>, growing the slot array when needed.</summary>
    internal ref TagSlot TagAt(int index)
    {
        if (index >= Tags.Length)
        {
            var grown = Tags;
            Array.Resize(ref grown, Tags.Length * 2);
            Tags = grown;
        }

        return ref Tags[index];
    }

    /// <summary>Returns the field slot at <paramref name="index"/>, growing the slot array when needed.</summary>
    internal ref FieldSlot FieldAt(int index)
    {
        if (index >= Fields.Length)
        {
            var grown = Fields;
            Array.Resize(ref grown, Fields.Length * 2);
            Fields = grown;
        }

        return ref Fields[index];
    }

    /// <summary>
    /// Reserves room for <paramref name="maxLength"/> unescaped bytes; finish with <see cref="Commit"/>.
    /// </summary>
    internal Span<byte> Reserve(int maxLength, out int offset)
    {
        var needed = ByteCount + maxLength;
        if (needed > Bytes.Length)
        {
            var grown = Bytes;
            Array.Resize(ref grown, Math.Max(needed, Bytes.Length * 2));
            Bytes = grown;
        }

        offset = ByteCount;
        return Bytes.AsSpan(ByteCount, maxLength);
    }

    /// <summary>Marks <paramref name="length"/> bytes of the last reservation as used.</summary>
    internal void Commit(int length) => ByteCount += length;
}
