namespace OperationsCenter.Grains;

/// <summary>Conversions between line protocol's nanosecond timestamps and <see cref="DateTimeOffset"/>.</summary>
public static class UnixNanos
{
    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public static long From(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>The instant, truncated to the 100 ns tick.</summary>
    public static DateTimeOffset ToDateTimeOffset(long nanos) => DateTimeOffset.UnixEpoch.AddTicks(nanos / 100);
}
