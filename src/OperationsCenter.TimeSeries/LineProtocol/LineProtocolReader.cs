using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Zero-allocation reader over a whole request body of InfluxDB line protocol (UTF-8). Not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Call <see cref="Read"/> until it returns false; each call moves to the next line that is not blank and not a
/// <c>#</c> comment. A line that fails to parse is still returned, with <see cref="IsValid"/> false and an
/// InfluxDB-style <see cref="Error"/>, so that one bad line does not hide the good ones.
/// </para>
/// <para>
/// Names and string values are returned unescaped. They are slices of the body when nothing was escaped and
/// slices of the scratch buffer otherwise; either way they are valid until the next <see cref="Read"/>.
/// With a reused <see cref="LineProtocolScratch"/>, valid lines are read without allocating.
/// </para>
/// </remarks>
public ref partial struct LineProtocolReader
{
    // Lines longer than this are quoted in errors by their first QuotedPrefixBytes only.
    private const int MaxQuotedBytes = 512;
    private const int QuotedPrefixBytes = 200;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly LineProtocolScratch _scratch;
    private LineParser _parser;
    private int _next;
    private int _nextLineNumber;
    private int _lineStart;
    private int _lineEnd;
    private bool _valid;

    /// <summary>Creates a reader over a whole body.</summary>
    /// <param name="buffer">The UTF-8 body.</param>
    /// <param name="precision">The unit of the timestamps in the body; they are converted to nanoseconds.</param>
    /// <param name="scratch">Reusable buffers; when null the reader allocates its own.</param>
    /// <param name="limits">Limits on each line's shape; when null only InfluxDB's own apply (<see cref="LineLimits.None"/>).</param>
    public LineProtocolReader(ReadOnlySpan<byte> buffer, Precision precision = Precision.Nanoseconds, LineProtocolScratch? scratch = null, LineLimits? limits = null)
    {
        _buffer = buffer;
        _scratch = scratch ?? new LineProtocolScratch();
        _parser = new LineParser(buffer, _scratch, PrecisionNames.NanosecondsPerUnit(precision), limits ?? LineLimits.None);
        _nextLineNumber = 1;
    }

    /// <summary>The 1-based physical line number (in the body) where the current line starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The current line as sent, without its line ending (it may span line breaks inside a quoted string).</summary>
    public readonly ReadOnlySpan<byte> RawLine => _buffer[_lineStart.._lineEnd];

    /// <summary>False when the current line failed to parse; then only <see cref="Error"/> is meaningful.</summary>
    public readonly bool IsValid => _valid;

    /// <summary>
    /// Why the current line failed, as InfluxDB words it: <c>unable to parse '&lt;line&gt;': &lt;reason&gt;</c>
    /// (the line quoted without its leading whitespace, as InfluxDB does; a line over 512 bytes is quoted by its first
    /// 200 bytes, then <c>…' (N bytes)</c>). Null for a valid line.
    /// </summary>
    public string? Error { get; private set; }

    /// <summary>The unescaped measurement of the current line.</summary>
    public readonly ReadOnlySpan<byte> Measurement => _parser.Resolve(_parser.Measurement);

    /// <summary>Number of tags on the current line, in the order sent.</summary>
    public readonly int TagCount => _parser.TagCount;

    /// <summary>Number of fields on the current line, in the order sent (duplicates included).</summary>
    public readonly int FieldCount => _parser.FieldCount;

    /// <summary>Nanoseconds since the Unix epoch, converted from the precision; null when the line has none.</summary>
    public readonly long? Timestamp => _parser.HasTimestamp ? _parser.Timestamp : null;

    /// <summary>
    /// The field set exactly as sent (escapes and number spellings kept): valid line protocol that InfluxDB reads as
    /// the same fields, so the ingest path can pass it on without formatting each value again.
    /// </summary>
    public readonly ReadOnlySpan<byte> RawFieldSet => _buffer[_parser.FieldSetStart.._parser.FieldSetEnd];

    /// <summary>
    /// Advances to the next line that is not blank and not a <c>#</c> comment.
    /// </summary>
    /// <returns>False at the end of the body.</returns>
    public bool Read()
    {
        while (_next < _buffer.Length)
        {
            var start = _next;
            var rel = _buffer[start..].IndexOf((byte)'\n');
            var term = rel < 0 ? _buffer.Length : start + rel;

            // CRLF: the '\r' belongs to the line ending (InfluxDB itself would keep it in the last value).
            var end = term > start && _buffer[term - 1] == (byte)'\r' ? term - 1 : term;
            var first = start;
            while (first < end && _buffer[first] is (byte)' ' or (byte)'\t' or 0)
            {
                first++;
            }

            if (first == end || _buffer[first] == (byte)'#')
            {
                _next = term + 1;
                _nextLineNumber++;
                continue;
            }

            _valid = _parser.Parse(first, end, term);
            LineNumber = _nextLineNumber;
            _lineStart = start;
            _lineEnd = _parser.ContentEnd;
            _next = _parser.Terminator + 1;
            _nextLineNumber += 1 + _parser.ExtraLines;
            Error = _valid ? null : FormatError(_buffer[first.._lineEnd], _parser.Reason!);
            return true;
        }

        _valid = false;
        Error = null;
        return false;
    }

    /// <summary>The unescaped key of tag <paramref name="index"/> (in the order sent).</summary>
    /// <param name="index">0-based tag index.</param>
    /// <returns>The key bytes, valid until the next <see cref="Read"/>.</returns>
    public readonly ReadOnlySpan<byte> TagKey(int index) => _parser.Resolve(Tag(index).Key);

    /// <summary>The unescaped value of tag <paramref name="index"/>.</summary>
    /// <param name="index">0-based tag index.</param>
    /// <returns>The value bytes, valid until the next <see cref="Read"/>.</returns>
    public readonly ReadOnlySpan<byte> TagValue(int index) => _parser.Resolve(Tag(index).Value);

    /// <summary>The unescaped key of field <paramref name="index"/>.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The key bytes, valid until the next <see cref="Read"/>.</returns>
    public readonly ReadOnlySpan<byte> FieldKey(int index) => _parser.Resolve(Field(index).Key);

    /// <summary>The type of field <paramref name="index"/>.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The field kind.</returns>
    public readonly FieldKind FieldKindAt(int index) => Field(index).Kind;

    /// <summary>The value of a <see cref="FieldKind.Float"/> field; 0 for other kinds.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value.</returns>
    public readonly double FieldFloat(int index) => FieldValueAt(index, FieldKind.Float).Float;

    /// <summary>The value of an <see cref="FieldKind.Integer"/> field; 0 for other kinds.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value.</returns>
    public readonly long FieldInteger(int index) => FieldValueAt(index, FieldKind.Integer).Integer;

    /// <summary>The value of a <see cref="FieldKind.UInteger"/> field; 0 for other kinds.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value.</returns>
    public readonly ulong FieldUInteger(int index) => FieldValueAt(index, FieldKind.UInteger).UInteger;

    /// <summary>The value of a <see cref="FieldKind.Boolean"/> field; false for other kinds.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value.</returns>
    public readonly bool FieldBoolean(int index) => FieldValueAt(index, FieldKind.Boolean).Boolean;

    /// <summary>The unescaped value of a <see cref="FieldKind.String"/> field; empty for other kinds.</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value bytes, valid until the next <see cref="Read"/>.</returns>
    public readonly ReadOnlySpan<byte> FieldString(int index)
    {
        ref readonly var slot = ref Field(index);
        return slot.Kind == FieldKind.String ? _parser.Resolve(slot.Text) : default;
    }

    /// <summary>
    /// Gets field <paramref name="index"/> as a number, as <see cref="FieldValue.TryGetNumber"/> does.
    /// </summary>
    /// <param name="index">0-based field index.</param>
    /// <param name="value">The numeric value, or 0 for strings.</param>
    /// <returns>False for string fields.</returns>
    public readonly bool TryGetFieldNumber(int index, out double value)
    {
        ref readonly var slot = ref Field(index);
        if (slot.Kind == FieldKind.String)
        {
            value = 0d;
            return false;
        }

        return FieldValue.FromBits(slot.Kind, slot.Bits).TryGetNumber(out value);
    }

    /// <summary>Materializes field <paramref name="index"/> (allocates a string for string fields).</summary>
    /// <param name="index">0-based field index.</param>
    /// <returns>The value.</returns>
    public readonly FieldValue GetFieldValue(int index)
    {
        ref readonly var slot = ref Field(index);
        return slot.Kind == FieldKind.String
            ? FieldValue.FromString(Encoding.UTF8.GetString(_parser.Resolve(slot.Text)))
            : FieldValue.FromBits(slot.Kind, slot.Bits);
    }

    private static string FormatError(ReadOnlySpan<byte> line, string reason)
    {
        if (line.Length <= MaxQuotedBytes)
        {
            return $"unable to parse '{Encoding.UTF8.GetString(line)}': {reason}";
        }

        // A long line is quoted by its start only, so an answer naming many bad lines stays readable and small;
        // the cut backs off to a character boundary.
        var cut = QuotedPrefixBytes;
        while (cut > 0 && (line[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return $"unable to parse '{Encoding.UTF8.GetString(line[..cut])}…' ({line.Length} bytes): {reason}";
    }

    private readonly void EnsureValid()
    {
        if (!_valid)
        {
            throw new InvalidOperationException(Error ?? "There is no current line; call Read() first.");
        }
    }

    private readonly ref readonly TagSlot Tag(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _parser.TagCount);
        return ref _scratch.Tags[index];
    }

    private readonly ref readonly FieldSlot Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _parser.FieldCount);
        return ref _scratch.Fields[index];
    }

    private readonly FieldValue FieldValueAt(int index, FieldKind kind)
    {
        ref readonly var slot = ref Field(index);
        return slot.Kind == kind ? FieldValue.FromBits(kind, slot.Bits) : default;
    }
}
