namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Limits on the shape of one line, checked by <see cref="LineProtocolReader"/> while it parses: a line past any of
/// them is an invalid line whose error names the limit. Lengths are in UTF-8 bytes after unescaping, except the series
/// key, which is measured as sent (as InfluxDB measures its own 65,535-byte key limit, which always applies).
/// </summary>
/// <remarks>
/// The counts are checked before each tag or field is stored, so a hostile line cannot grow the scratch buffers or make
/// the duplicate-tag check quadratic in a huge number of tags.
/// </remarks>
public sealed class LineLimits
{
    /// <summary>Only InfluxDB's own limits (the 65,535-byte key): what InfluxDB itself accepts.</summary>
    public static LineLimits None { get; } = new();

    /// <summary>Most tags on one point.</summary>
    public int MaxTagsPerPoint { get; init; } = int.MaxValue;

    /// <summary>Most fields on one point (duplicates counted).</summary>
    public int MaxFieldsPerPoint { get; init; } = int.MaxValue;

    /// <summary>Longest measurement name, in bytes.</summary>
    public int MaxMeasurementBytes { get; init; } = int.MaxValue;

    /// <summary>Longest tag key, in bytes.</summary>
    public int MaxTagKeyBytes { get; init; } = int.MaxValue;

    /// <summary>Longest tag value, in bytes.</summary>
    public int MaxTagValueBytes { get; init; } = int.MaxValue;

    /// <summary>Longest field key, in bytes.</summary>
    public int MaxFieldKeyBytes { get; init; } = int.MaxValue;

    /// <summary>Longest series key (measurement and tag set as sent), in bytes.</summary>
    public int MaxSeriesKeyBytes { get; init; } = int.MaxValue;

    /// <summary>Longest string field value, in bytes.</summary>
    public int MaxStringFieldBytes { get; init; } = int.MaxValue;

    /// <summary>
    /// The first limit <paramref name="point"/> is past, as the reader would word it for the same line; null within
    /// every limit. For points that never were text (a JSON feed, a report): <paramref name="seriesKeyBytes"/> is the
    /// length of the key as written for them.
    /// </summary>
    /// <param name="point">The point.</param>
    /// <param name="seriesKeyBytes">Its series key's length in bytes, escaped.</param>
    /// <returns>The error, or null.</returns>
    public string? Violation(LinePoint point, int seriesKeyBytes)
    {
        ArgumentNullException.ThrowIfNull(point);
        static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
        if (Bytes(point.Measurement) is var measurement && measurement > MaxMeasurementBytes)
        {
            return LineErrors.MeasurementTooLong(measurement, MaxMeasurementBytes);
        }

        if (point.Tags.Count > MaxTagsPerPoint)
        {
            return LineErrors.TooManyTags(MaxTagsPerPoint);
        }

        foreach (var (key, value) in point.Tags)
        {
            if (Bytes(key) is var keyBytes && keyBytes > MaxTagKeyBytes)
            {
                return LineErrors.TagKeyTooLong(keyBytes, MaxTagKeyBytes);
            }

            if (Bytes(value) is var valueBytes && valueBytes > MaxTagValueBytes)
            {
                return LineErrors.TagValueTooLong(System.Text.Encoding.UTF8.GetBytes(key), valueBytes, MaxTagValueBytes);
            }
        }

        if (seriesKeyBytes > MaxSeriesKeyBytes)
        {
            return LineErrors.SeriesKeyTooLong(seriesKeyBytes, MaxSeriesKeyBytes);
        }

        if (point.Fields.Count > MaxFieldsPerPoint)
        {
            return LineErrors.TooManyFields(MaxFieldsPerPoint);
        }

        foreach (var (key, value) in point.Fields)
        {
            if (Bytes(key) is var keyBytes && keyBytes > MaxFieldKeyBytes)
            {
                return LineErrors.FieldKeyTooLong(keyBytes, MaxFieldKeyBytes);
            }

            if (value.String is { } text && Bytes(text) is var textBytes && textBytes > MaxStringFieldBytes)
            {
                return LineErrors.StringFieldTooLong(System.Text.Encoding.UTF8.GetBytes(key), textBytes, MaxStringFieldBytes);
            }
        }

        return null;
    }
}
