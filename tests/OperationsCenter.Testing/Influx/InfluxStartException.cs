namespace OperationsCenter.Testing.Influx;

/// <summary>influxd did not come up; the message carries the tail of its output.</summary>
public sealed class InfluxStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with influxd's output.</param>
    public InfluxStartException(string message)
        : base(message)
    {
    }
}
