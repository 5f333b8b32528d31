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
}
