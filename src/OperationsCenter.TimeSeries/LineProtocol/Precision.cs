namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// The unit of the timestamps in a line protocol body (the <c>precision</c> query parameter of a write request).
/// </summary>
public enum Precision
{
    /// <summary>Nanoseconds since the Unix epoch (the default).</summary>
    Nanoseconds,

    /// <summary>Microseconds since the Unix epoch.</summary>
    Microseconds,

    /// <summary>Milliseconds since the Unix epoch.</summary>
    Milliseconds,

    /// <summary>Seconds since the Unix epoch.</summary>
    Seconds,

    /// <summary>Minutes since the Unix epoch (InfluxDB 1.x only).</summary>
    Minutes,

    /// <summary>Hours since the Unix epoch (InfluxDB 1.x only).</summary>
    Hours,
}
