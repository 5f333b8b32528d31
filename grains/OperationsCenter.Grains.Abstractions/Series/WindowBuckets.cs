namespace OperationsCenter.Grains.Series;

/// <summary>
/// The fixed-width buckets rolling windows are made of. The edge merges points per bucket (<see cref="FieldSample"/>)
/// and live state keeps buckets, so both must cut time the same way.
/// </summary>
public static class WindowBuckets
{
    /// <summary>Bucket width: windows are exact to this granularity.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromSeconds(10);

    /// <summary>Bucket width in nanoseconds.</summary>
    public static readonly long WidthNanos = Width.Ticks * 100;

    /// <summary>The bucket start (ns) a timestamp (ns) falls into.</summary>
    public static long Of(long timestampNanos)
    {
        var offset = timestampNanos % WidthNanos;
        return timestampNanos - (offset < 0 ? offset + WidthNanos : offset);
    }
}
