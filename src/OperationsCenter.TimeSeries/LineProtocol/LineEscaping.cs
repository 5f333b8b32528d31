using System.Buffers;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// InfluxDB's escaping rules. In names (measurement, tag keys and values, field keys) a backslash escapes the
/// element's special characters and is otherwise literal: <c>\\</c> is two backslashes, not one, exactly as
/// InfluxDB 1.x unescapes (so <c>a\\,b</c> means <c>a\,b</c>). In string field values <c>\"</c> and <c>\\</c> are
/// escapes and any other backslash is literal.
/// </summary>
internal static class LineEscaping
{
    private static readonly SearchValues<byte> MeasurementSpecials = SearchValues.Create(", "u8);
    private static readonly SearchValues<byte> KeySpecials = SearchValues.Create(",= "u8);

    /// <summary>True for the characters a measurement name escapes: comma and space.</summary>
    public static bool IsMeasurementSpecial(byte c) => c is (byte)',' or (byte)' ';

    /// <summary>True for the characters tag keys, tag values and field keys escape: comma, equals sign, space.</summary>
    public static bool IsKeySpecial(byte c) => c is (byte)',' or (byte)'=' or (byte)' ';

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, dropping escaping backslashes.</summary>
    /// <returns>The number of bytes written (at most <c>source.Length</c>).</returns>
    public static int UnescapeName(ReadOnlySpan<byte> source, Span<byte> destination, bool measurement)
    {
        var n = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == (byte)'\\' && i + 1 < source.Length)
            {
                var next = source[i + 1];
                if (measurement ? IsMeasurementSpecial(next) : IsKeySpecial(next))
                {
                    destination[n++] = next;
                    i++;
                    continue;
                }
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>Copies a string field value's content, turning <c>\"</c> into <c>"</c> and <c>\\</c> into <c>\</c>.</summary>
    /// <returns>The number of bytes written (at most <c>source.Length</c>).</returns>
    public static int UnescapeString(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var n = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == (byte)'\\' && i + 1 < source.Length && source[i + 1] is (byte)'"' or (byte)'\\')
            {
                c = source[++i];
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>Writes a name with its special characters escaped.</summary>
    /// <returns>The number of bytes written (at most <c>2 * source.Length</c>).</returns>
    public static int EscapeName(ReadOnlySpan<byte> source, Span<byte> destination, bool measurement)
    {
        // Most names escape nothing: one vectorized search, then a copy.
        var first = source.IndexOfAny(measurement ? MeasurementSpecials : KeySpecials);
        if (first < 0)
        {
            source.CopyTo(destination);
            return source.Length;
        }

        source[..first].CopyTo(destination);
        var n = first;
        foreach (var c in source[first..])
        {
            if (measurement ? IsMeasurementSpecial(c) : IsKeySpecial(c))
            {
                destination[n++] = (byte)'\\';
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>Writes a string field value's content with <c>"</c> and <c>\</c> escaped.</summary>
    /// <returns>The number of bytes written (at most <c>2 * source.Length</c>).</returns>
    public static int EscapeString(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var n = 0;
        foreach (var c in source)
        {
            if (c is (byte)'"' or (byte)'\\')
            {
                destination[n++] = (byte)'\\';
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>
    /// Explains why a name cannot be written as line protocol, or returns null when it can.
    /// </summary>
    /// <remarks>
    /// InfluxDB has no escape for a trailing backslash (it would escape the delimiter that follows) nor for a line
    /// break, so such names cannot round-trip; a measurement must also not look like a comment or start with
    /// whitespace the reader skips.
    /// </remarks>
    public static string? WhyUnwritable(ReadOnlySpan<byte> name, bool measurement)
    {
        if (name.IsEmpty)
        {
            return "it is empty";
        }

        if (name[^1] == (byte)'\\')
        {
            return "it ends with a backslash, which line protocol cannot escape";
        }

        if (name.IndexOf((byte)'\n') >= 0)
        {
            return "it contains a line break, which line protocol cannot escape";
        }

        if (measurement && name[0] is (byte)'#' or (byte)'\t' or 0)
        {
            return "it starts with '#', a tab or NUL, so the line would be read as a comment or the character skipped";
        }

        return null;
    }
}
