using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Convenience helpers over <see cref="LineProtocolReader"/> that materialize whole bodies (allocate; for tests,
/// tools and small inputs).
/// </summary>
public static class LineProtocol
{
    /// <summary>Parses every point of a body.</summary>
    /// <param name="text">The body.</param>
    /// <param name="precision">The unit of the timestamps in the body.</param>
    /// <returns>The points, in body order.</returns>
    /// <exception cref="FormatException">A line is invalid; the message is that line's InfluxDB-style error.</exception>
    public static IReadOnlyList<LinePoint> ParseAll(string text, Precision precision = Precision.Nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseAll(Encoding.UTF8.GetBytes(text), precision);
    }

    /// <summary>Parses every point of a UTF-8 body.</summary>
    /// <param name="utf8">The body.</param>
    /// <param name="precision">The unit of the timestamps in the body.</param>
    /// <returns>The points, in body order.</returns>
    /// <exception cref="FormatException">A line is invalid; the message is that line's InfluxDB-style error.</exception>
    public static IReadOnlyList<LinePoint> ParseAll(ReadOnlySpan<byte> utf8, Precision precision = Precision.Nanoseconds)
    {
        var points = new List<LinePoint>();
        var reader = new LineProtocolReader(utf8, precision);
        while (reader.Read())
        {
            if (!reader.IsValid)
            {
                throw new FormatException(reader.Error);
            }

            points.Add(reader.ToPoint());
        }

        return points;
    }
}
