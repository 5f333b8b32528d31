using System.Globalization;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>
/// Rewrites unsigned field values (<c>123u</c>) as integers (<c>123i</c>) for InfluxDB 1.x, whose OSS builds refuse
/// the <c>u</c> suffix. The body keeps its length: only the suffix byte changes.
/// </summary>
internal static class UnsignedFields
{
    /// <summary>
    /// The body with every unsigned value up to <see cref="long.MaxValue"/> written as an integer; the same memory
    /// when there is none. Larger values stay unsigned so that InfluxDB refuses just their lines.
    /// </summary>
    public static ReadOnlyMemory<byte> AsSignedIntegers(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        if (!MayHaveUnsigned(span))
        {
            return body;
        }

        byte[]? copy = null;
        var i = 0;
        while (i < span.Length)
        {
            i = ScanLine(span, i, ref copy);
        }

        return copy is null ? body : copy;
    }

    // Cheap pre-check so that the common body without any "<digit>u" value is never scanned field by field.
    private static bool MayHaveUnsigned(ReadOnlySpan<byte> span)
    {
        var from = 0;
        while (true)
        {
            var k = span[from..].IndexOf((byte)'u');
            if (k < 0)
            {
                return false;
            }

            k += from;
            if (k > 0 && char.IsAsciiDigit((char)span[k - 1]) && (k + 1 == span.Length || span[k + 1] is (byte)',' or (byte)' ' or (byte)'\n'))
            {
                return true;
            }

            from = k + 1;
        }
    }

    /// <summary>Scans the line starting at <paramref name="i"/>; returns where the next line starts.</summary>
    private static int ScanLine(ReadOnlySpan<byte> span, int i, ref byte[]? copy)
    {
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            i++;
        }

        if (i < span.Length && span[i] == (byte)'#')
        {
            return NextLine(span, i);
        }

        // The series key ends at the first unescaped space; a backslash escapes whatever follows it, as in InfluxDB.
        i = ScanTo(span, i, (byte)' ');
        if (i >= span.Length || span[i] != (byte)' ')
        {
            return NextLine(span, i);
        }

        i++;
        while (true)
        {
            i = ScanTo(span, i, (byte)'=');
            if (i >= span.Length || span[i] != (byte)'=')
            {
                return NextLine(span, i);
            }

            i = ScanValue(span, i + 1, ref copy);
            if (i >= span.Length || span[i] != (byte)',')
            {
                return NextLine(span, i);
            }

            i++;
        }
    }

    /// <summary>Skips one field value; converts it when it is an unsigned integer that fits a long.</summary>
    private static int ScanValue(ReadOnlySpan<byte> span, int i, ref byte[]? copy)
    {
        if (i < span.Length && span[i] == (byte)'"')
        {
            // String values may hold commas, spaces and line feeds; only \" and \\ are escapes.
            i++;
            while (i < span.Length && span[i] != (byte)'"')
            {
                i += span[i] == (byte)'\\' ? 2 : 1;
            }

            return Math.Min(i + 1, span.Length);
        }

        var start = i;
        while (i < span.Length && span[i] is not ((byte)',' or (byte)' ' or (byte)'\n'))
        {
            i++;
        }

        var value = span[start..i];
        if (value.Length >= 2 && value[^1] == (byte)'u'
            && ulong.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number <= long.MaxValue)
        {
            copy ??= span.ToArray();
            copy[i - 1] = (byte)'i';
        }

        return i;
    }

    /// <summary>The position of the first unescaped <paramref name="stop"/> or line feed at or after <paramref name="i"/>.</summary>
    private static int ScanTo(ReadOnlySpan<byte> span, int i, byte stop)
    {
        while (i < span.Length && span[i] != stop && span[i] != (byte)'\n')
        {
            i += span[i] == (byte)'\\' ? 2 : 1;
        }

        return Math.Min(i, span.Length);
    }

    private static int NextLine(ReadOnlySpan<byte> span, int i)
    {
        if (i >= span.Length)
        {
            return span.Length;
        }

        var rel = span[i..].IndexOf((byte)'\n');
        return rel < 0 ? span.Length : i + rel + 1;
    }
}
