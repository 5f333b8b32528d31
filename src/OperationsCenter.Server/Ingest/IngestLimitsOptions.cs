using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Limits on what one request may carry (<c>OperationsCenter:Ingest:Limits</c>). A line past a per-line limit is a bad
/// line of a partial write (the others are kept); a request past <see cref="MaxLinesPerRequest"/> is refused whole (413).
/// The defaults follow InfluxDB where it has a limit (64 KiB strings, 65,535-byte keys, 200 columns per table in
/// InfluxDB 3) and are tighter where a control room's feeds never come near it and live state pays for every byte.
/// </summary>
public sealed class IngestLimitsOptions
{
    /// <summary>Most lines (points) in one request; past it the request is refused with 413 and nothing is stored.</summary>
    public int MaxLinesPerRequest { get; set; } = 100_000;

    /// <summary>Most tags on one point.</summary>
    public int MaxTagsPerPoint { get; set; } = 100;

    /// <summary>Most fields on one point.</summary>
    public int MaxFieldsPerPoint { get; set; } = 200;

    /// <summary>Longest measurement name, in UTF-8 bytes.</summary>
    public int MaxMeasurementBytes { get; set; } = 256;

    /// <summary>Longest tag key, in UTF-8 bytes.</summary>
    public int MaxTagKeyBytes { get; set; } = 256;

    /// <summary>Longest tag value, in UTF-8 bytes.</summary>
    public int MaxTagValueBytes { get; set; } = 1024;

    /// <summary>Longest field key, in UTF-8 bytes.</summary>
    public int MaxFieldKeyBytes { get; set; } = 256;

    /// <summary>
    /// Longest series key (measurement and tags as sent), in bytes. InfluxDB's own 65,535 always applies; the default is
    /// tighter because every live series is a grain keyed by it.
    /// </summary>
    public int MaxSeriesKeyBytes { get; set; } = 4096;

    /// <summary>Longest string field value, in UTF-8 bytes: InfluxDB's 64 KiB.</summary>
    public int MaxStringFieldBytes { get; set; } = 64 * 1024;

    /// <summary>How far ahead of the center's clock a timestamp may be (a sender's clock or precision gone wrong).</summary>
    public TimeSpan MaxFutureTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far behind the center's clock a timestamp may be; null (the default) accepts any past time, for backfills.</summary>
    public TimeSpan? MaxPastTime { get; set; }

    /// <summary>The per-line shape limits for the parser.</summary>
    public LineLimits ToLineLimits() => new()
    {
        MaxTagsPerPoint = MaxTagsPerPoint,
        MaxFieldsPerPoint = MaxFieldsPerPoint,
        MaxMeasurementBytes = MaxMeasurementBytes,
        MaxTagKeyBytes = MaxTagKeyBytes,
        MaxTagValueBytes = MaxTagValueBytes,
        MaxFieldKeyBytes = MaxFieldKeyBytes,
        MaxSeriesKeyBytes = MaxSeriesKeyBytes,
        MaxStringFieldBytes = MaxStringFieldBytes,
    };
}
