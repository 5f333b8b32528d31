namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Parses one logical line of a request body into the scratch slots. Works on the whole body so that a quoted
/// string value can run over line breaks, as it can in InfluxDB 1.x.
/// </summary>
/// <remarks>
/// The parser follows InfluxDB's <c>models/points.go</c>: a delimiter is escaped when the byte before it is a
/// backslash; measurement, then optional <c>,tag=value</c> pairs, one or more spaces, <c>field=value</c> pairs,
/// then an optional integer timestamp. It never throws on bad input; it stops at the first problem and records
/// an InfluxDB-style reason.
/// </remarks>
internal ref partial struct LineParser
{
    private readonly ReadOnlySpan<byte> _buf;
    private readonly LineProtocolScratch _scratch;
    private readonly long _nanosPerUnit;
    private readonly LineLimits _limits;

    // _end is the exclusive end of the logical line's content (a trailing '\r' excluded); _term is the index of
    // the '\n' that ends it, or the body's length. Both move forward when a string value spans a line break.
    private int _pos;
    private int _end;
    private int _term;

    public LineParser(ReadOnlySpan<byte> buffer, LineProtocolScratch scratch, long nanosPerUnit, LineLimits limits)
    {
        _buf = buffer;
        _scratch = scratch;
        _nanosPerUnit = nanosPerUnit;
        _limits = limits;
    }

    /// <summary>Exclusive end of the line's content (without its line ending).</summary>
    public readonly int ContentEnd => _end;

    /// <summary>Index of the '\n' ending the line, or the body length when the body ends first.</summary>
    public readonly int Terminator => _term;

    /// <summary>Number of line breaks inside quoted strings of this line.</summary>
    public int ExtraLines { get; private set; }

    /// <summary>Why the line is invalid; null when it parsed.</summary>
    public string? Reason { get; private set; }

    /// <summary>The unescaped measurement.</summary>
    public TokenRef Measurement { get; private set; }

    /// <summary>Number of tags in <see cref="LineProtocolScratch.Tags"/>.</summary>
    public int TagCount { get; private set; }

    /// <summary>Number of fields in <see cref="LineProtocolScratch.Fields"/>.</summary>
    public int FieldCount { get; private set; }

    /// <summary>True when the line had a timestamp.</summary>
    public bool HasTimestamp { get; private set; }

    /// <summary>Where the field set starts in the body (valid lines only).</summary>
    public int FieldSetStart { get; private set; }

    /// <summary>Where the field set ends in the body, exclusive (valid lines only).</summary>
    public int FieldSetEnd { get; private set; }

    /// <summary>The timestamp in nanoseconds since the epoch (when <see cref="HasTimestamp"/>).</summary>
    public long Timestamp { get; private set; }

    /// <summary>
    /// Parses the line whose first non-whitespace byte is at <paramref name="start"/>.
    /// </summary>
    /// <param name="start">First byte of the measurement.</param>
    /// <param name="end">Exclusive end of the physical line's content.</param>
    /// <param name="term">Index of the terminating '\n', or the body length.</param>
    /// <returns>True when the line is a valid point.</returns>
    public bool Parse(int start, int end, int term)
    {
        _pos = start;
        _end = end;
        _term = term;
        ExtraLines = 0;
        Reason = null;
        TagCount = 0;
        FieldCount = 0;
        HasTimestamp = false;
        Timestamp = 0;
        _scratch.ResetBytes();

        return ParseKey(out var keyLength) && ParseFields(keyLength) && ParseTimestamp();
    }

    /// <summary>Returns the bytes a token refers to.</summary>
    public readonly ReadOnlySpan<byte> Resolve(TokenRef token) =>
        token.InScratch ? _scratch.Bytes.AsSpan(token.Start, token.Length) : _buf.Slice(token.Start, token.Length);

    private bool Fail(string reason)
    {
        Reason = reason;
        return false;
    }

    /// <summary>
    /// Finds the first of <paramref name="a"/>/<paramref name="b"/>/<paramref name="c"/> at or after
    /// <paramref name="from"/> that is not preceded by a backslash; <paramref name="escaped"/> is set when an
    /// escaped one was skipped (the token then needs unescaping). <paramref name="from"/> is past the token's first byte.
    /// </summary>
    private readonly int FindUnescaped(int from, byte a, byte b, byte c, ref bool escaped)
    {
        var i = from;
        while (i < _end)
        {
            var rel = _buf[i.._end].IndexOfAny(a, b, c);
            if (rel < 0)
            {
                return _end;
            }

            i += rel;
            if (_buf[i - 1] != (byte)'\\')
            {
                return i;
            }

            escaped = true;
            i++;
        }

        return _end;
    }

    /// <summary>Finds the first of <paramref name="a"/>/<paramref name="b"/> at or after <paramref name="from"/>, or the line end.</summary>
    private readonly int FindAny(int from, byte a, byte b)
    {
        var rel = _buf[from.._end].IndexOfAny(a, b);
        return rel < 0 ? _end : from + rel;
    }

    /// <summary>Skips the whitespace InfluxDB skips between sections: spaces, tabs and NULs.</summary>
    private readonly int SkipWhitespace(int i)
    {
        while (i < _end && _buf[i] is (byte)' ' or (byte)'\t' or 0)
        {
            i++;
        }

        return i;
    }

    private TokenRef UnescapeName(int start, int length, bool measurement)
    {
        var destination = _scratch.Reserve(length, out var offset);
        var n = LineEscaping.UnescapeName(_buf.Slice(start, length), destination, measurement);
        _scratch.Commit(n);
        return new TokenRef(offset, n, true);
    }

    /// <summary>
    /// Extends the logical line over the next line break (a quoted string continues there).
    /// </summary>
    /// <returns>False when the body ends first.</returns>
    private bool TryExtendLine()
    {
        if (_term >= _buf.Length)
        {
            return false;
        }

        var next = _term + 1;
        var rel = _buf[next..].IndexOf((byte)'\n');
        _term = rel < 0 ? _buf.Length : next + rel;
        _end = _term > next && _buf[_term - 1] == (byte)'\r' ? _term - 1 : _term;
        ExtraLines++;
        return true;
    }
}
