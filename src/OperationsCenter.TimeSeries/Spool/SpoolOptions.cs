namespace OperationsCenter.TimeSeries.Spool;

/// <summary>Where the spool lives and how large it may grow (<c>OperationsCenter:Spool</c>).</summary>
public sealed class SpoolOptions
{
    /// <summary>Folder of the segment files and the checkpoint; relative to the data directory.</summary>
    public string Directory { get; set; } = "spool";

    /// <summary>Most bytes not yet shipped to InfluxDB; past it, appends are refused (ingest answers 503).</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Size at which a new segment file is started; drained segments are deleted whole.</summary>
    public long SegmentBytes { get; set; } = 64L << 20;
}
