using System.Buffers;
using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Writes canonical InfluxDB line protocol: names escaped as InfluxDB requires, tags sorted by key (ordinal on the
/// UTF-8 bytes), fields in the given order, floats in shortest round-trip form, integers with <c>i</c>, unsigned
/// integers with <c>u</c>, strings quoted with <c>\"</c> and <c>\\</c> escaped, booleans as <c>true</c>/<c>false</c>,
/// the timestamp in nanoseconds, and <c>'\n'</c> after each line.
/// </summary>
/// <remarks>
/// Everything written parses back to an equal point with <see cref="LineProtocolReader"/>. Points that line
/// protocol cannot represent are refused with an <see cref="ArgumentException"/> rather than written ambiguously:
/// no fields; an empty name; a name ending in a backslash or containing a line break; a measurement starting with
/// <c>#</c>, tab or NUL; a first field key starting with tab or NUL; the reserved keys <c>time</c>, <c>_field</c>,
/// <c>_measurement</c>; duplicate tag or field keys; NaN or infinite floats; strings that are not valid UTF-16; a
/// series key longer than InfluxDB's 65535 bytes. Tags with an empty value are left out, as InfluxDB does.
/// </remarks>
public static partial class LineProtocolWriter
{
    private const int StackEncodeLimit = 512;
    private const int MaxRetainedBuffer = 1 << 20;

    // Strict so that lone surrogates fail loudly instead of silently becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Writes one point followed by <c>'\n'</c>.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="point">The point; its timestamp is omitted when null.</param>
    /// <returns>The length in bytes of the series key it starts with (measurement and tags, escaped).</returns>
    /// <exception cref="ArgumentException">The point cannot be represented in line protocol (see remarks).</exception>
    public static int Write(IBufferWriter<byte> output, LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(point.Measurement);
        if (point.Fields is not { Count: > 0 })
        {
            throw new ArgumentException("A point needs at least one field.", nameof(point));
        }

        var keyLength = WriteName(output, point.Measurement, Name.Measurement);
        foreach (var tag in SortedTags(point.Tags))
        {
            output.Write(","u8);
            keyLength += 2 + WriteName(output, tag.Key, Name.TagKey);
            output.Write("="u8);
            keyLength += WriteName(output, tag.Value, Name.TagValue);
        }

        output.Write(" "u8);
        WriteFields(output, point.Fields, keyLength);

        if (point.Timestamp is { } timestamp)
        {
            output.Write(" "u8);
            WriteFormatted(output, timestamp);
        }

        output.Write("\n"u8);
        return keyLength;
    }

    /// <summary>Formats one point as a line, without the trailing newline.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentException">The point cannot be represented in line protocol.</exception>
    public static string ToLine(LinePoint point)
    {
        var buffer = RentBuffer();
        Write(buffer, point);
        return Encoding.UTF8.GetString(buffer.WrittenSpan[..^1]);
    }

    /// <summary>Writes a measurement name, escaping <c>,</c> and space.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="unescaped">The UTF-8 name.</param>
    /// <exception cref="ArgumentException">The name cannot be represented in line protocol.</exception>
    public static void WriteEscapedMeasurement(IBufferWriter<byte> output, ReadOnlySpan<byte> unescaped) =>
        WriteEscapedName(output, unescaped, Name.Measurement);

    /// <summary>Writes a tag key, tag value or field key, escaping <c>,</c>, <c>=</c> and space.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="unescaped">The UTF-8 name.</param>
    /// <exception cref="ArgumentException">The name cannot be represented in line protocol.</exception>
    public static void WriteEscapedKey(IBufferWriter<byte> output, ReadOnlySpan<byte> unescaped) =>
        WriteEscapedName(output, unescaped, Name.Key);

    /// <summary>
    /// The canonical series key: the escaped measurement, then <c>,key=value</c> for each tag sorted by key
    /// (tags with empty values left out). Used as a grain key; equal for every line of the same series however
    /// its tags were ordered or escaped.
    /// </summary>
    /// <param name="measurement">The unescaped measurement.</param>
    /// <param name="tags">The unescaped tags, in any order.</param>
    /// <returns>The series key.</returns>
    /// <exception cref="ArgumentException">A name cannot be represented in line protocol, or a tag key repeats.</exception>
    public static string SeriesKey(string measurement, IEnumerable<KeyValuePair<string, string>> tags)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var sorted = SortedTags(tags);
        var buffer = RentBuffer();
        WriteName(buffer, measurement, Name.Measurement);
        foreach (var tag in sorted)
        {
            buffer.Write(","u8);
            WriteName(buffer, tag.Key, Name.TagKey);
            buffer.Write("="u8);
            WriteName(buffer, tag.Value, Name.TagValue);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A per-thread buffer for building strings; callers must not nest uses.</summary>
    internal static ArrayBufferWriter<byte> RentBuffer()
    {
        var buffer = t_buffer;
        if (buffer is null || buffer.Capacity > MaxRetainedBuffer)
        {
            // Replace rather than keep a huge buffer alive after one exceptional point.
            buffer = t_buffer = new ArrayBufferWriter<byte>(256);
        }

        buffer.ResetWrittenCount();
        return buffer;
    }
}
