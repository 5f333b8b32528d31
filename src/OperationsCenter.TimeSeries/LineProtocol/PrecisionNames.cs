namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Parses the <c>precision</c> query parameter of the InfluxDB write endpoints.
/// </summary>
public static class PrecisionNames
{
    /// <summary>
    /// Parses an InfluxDB 1.x (<c>/write</c>) precision: <c>n</c>, <c>ns</c>, <c>u</c>, <c>us</c>, <c>µ</c>,
    /// <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>; empty or null means nanoseconds.
    /// </summary>
    /// <param name="text">The query parameter value, case-sensitive as in InfluxDB.</param>
    /// <param name="precision">The parsed precision, or <see cref="Precision.Nanoseconds"/> when parsing fails.</param>
    /// <returns>True when <paramref name="text"/> names a precision.</returns>
    public static bool TryParseV1(string? text, out Precision precision)
    {
        switch (text)
        {
            case null or "" or "n" or "ns":
                precision = Precision.Nanoseconds;
                return true;
            // Both the micro sign (U+00B5) and the Greek small mu (U+03BC) are accepted: they look identical
            // and clients produce either depending on how the value was typed.
            case "u" or "us" or "\u00B5" or "\u03BC":
                precision = Precision.Microseconds;
                return true;
            case "ms":
                precision = Precision.Milliseconds;
                return true;
            case "s":
                precision = Precision.Seconds;
                return true;
            case "m":
                precision = Precision.Minutes;
                return true;
            case "h":
                precision = Precision.Hours;
                return true;
            default:
                precision = Precision.Nanoseconds;
                return false;
        }
    }

    /// <summary>
    /// Parses an InfluxDB 2.x (<c>/api/v2/write</c>) precision: <c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>;
    /// empty or null means nanoseconds.
    /// </summary>
    /// <param name="text">The query parameter value.</param>
    /// <param name="precision">The parsed precision, or <see cref="Precision.Nanoseconds"/> when parsing fails.</param>
    /// <returns>True when <paramref name="text"/> names a precision.</returns>
    public static bool TryParseV2(string? text, out Precision precision)
    {
        // The v2 names are a subset of the v1 ones with the same meanings.
        if (text is null or "" or "ns" or "us" or "ms" or "s")
        {
            return TryParseV1(text, out precision);
        }

        precision = Precision.Nanoseconds;
        return false;
    }

    /// <summary>
    /// Returns the number of nanoseconds in one unit of <paramref name="precision"/>.
    /// </summary>
    /// <param name="precision">The precision.</param>
    /// <returns>The multiplier that converts a timestamp in <paramref name="precision"/> to nanoseconds.</returns>
    public static long NanosecondsPerUnit(Precision precision) => precision switch
    {
        Precision.Nanoseconds => 1L,
        Precision.Microseconds => 1_000L,
        Precision.Milliseconds => 1_000_000L,
        Precision.Seconds => 1_000_000_000L,
        Precision.Minutes => 60_000_000_000L,
        Precision.Hours => 3_600_000_000_000L,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
    };
}
