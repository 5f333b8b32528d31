using System.Buffers;
using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>The allocating conveniences: the current line as a <see cref="LinePoint"/> or as a series key.</summary>
public ref partial struct LineProtocolReader
{
    /// <summary>
    /// Materializes the current valid line. Tags come out sorted by key (as InfluxDB stores them); for a repeated
    /// field key only the last value is kept, as InfluxDB does.
    /// </summary>
    /// <returns>The point.</returns>
    /// <exception cref="InvalidOperationException">The current line is not valid.</exception>
    public readonly LinePoint ToPoint()
    {
        EnsureValid();
        var tags = new KeyValuePair<string, string>[TagCount];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = new(Encoding.UTF8.GetString(TagKey(i)), Encoding.UTF8.GetString(TagValue(i)));
        }

        Array.Sort(tags, static (a, b) => Utf8Order.Compare(a.Key, b.Key));

        var fields = new List<KeyValuePair<string, FieldValue>>(FieldCount);
        for (var i = 0; i < FieldCount; i++)
        {
            if (!IsOverriddenLater(i))
            {
                fields.Add(new(Encoding.UTF8.GetString(FieldKey(i)), GetFieldValue(i)));
            }
        }

        return new LinePoint(Encoding.UTF8.GetString(Measurement), tags, fields, Timestamp);
    }

    /// <summary>
    /// The canonical series key of the current valid line (see <see cref="LineProtocolWriter.SeriesKey"/>),
    /// built without materializing the point: one string allocation.
    /// </summary>
    /// <returns>The series key.</returns>
    /// <exception cref="InvalidOperationException">The current line is not valid.</exception>
    public readonly string GetSeriesKey()
    {
        EnsureValid();
        Span<int> order = TagCount <= 64 ? stackalloc int[TagCount] : new int[TagCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Insertion sort: tag sets are small and usually already sorted.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && TagKey(order[j]).SequenceCompareTo(TagKey(current)) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        var output = LineProtocolWriter.RentBuffer();
        LineProtocolWriter.WriteEscapedMeasurement(output, Measurement);
        foreach (var index in order)
        {
            output.Write(","u8);
            LineProtocolWriter.WriteEscapedKey(output, TagKey(index));
            output.Write("="u8);
            LineProtocolWriter.WriteEscapedKey(output, TagValue(index));
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// Reads a canonical series key (<see cref="GetSeriesKey"/>, <see cref="LineProtocolWriter.SeriesKey"/>) back into
    /// its unescaped measurement and tags, with the same parser as the lines it came from.
    /// </summary>
    /// <param name="seriesKey">The series key.</param>
    /// <returns>The measurement and the tags, sorted by key.</returns>
    /// <exception cref="FormatException">The text is not a series key.</exception>
    public static (string Measurement, IReadOnlyList<KeyValuePair<string, string>> Tags) ParseSeriesKey(string seriesKey)
    {
        ArgumentNullException.ThrowIfNull(seriesKey);

        // A key alone is not a line: a field set is appended so the line parser reads it as it reads every line.
        var line = new byte[Encoding.UTF8.GetByteCount(seriesKey) + 4];
        var written = Encoding.UTF8.GetBytes(seriesKey, line);
        " _=0"u8.CopyTo(line.AsSpan(written));
        var reader = new LineProtocolReader(line, Precision.Nanoseconds, null, LineLimits.None);
        if (!reader.Read() || !reader.IsValid)
        {
            throw new FormatException($"\"{seriesKey}\" is not a series key: {reader.Error}");
        }

        var point = reader.ToPoint();
        return (point.Measurement, point.Tags);
    }

    private readonly bool IsOverriddenLater(int index)
    {
        var key = FieldKey(index);
        for (var j = index + 1; j < FieldCount; j++)
        {
            if (key.SequenceEqual(FieldKey(j)))
            {
                return true;
            }
        }

        return false;
    }
}
