namespace OperationsCenter.TimeSeries.Influx;

/// <summary>An InfluxQL query failed: InfluxDB answered with an error, or could not be reached.</summary>
public sealed class InfluxQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">InfluxDB's error text, or what went wrong on the way.</param>
    /// <param name="statusCode">The HTTP status, or null when there was no answer.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InfluxQueryException(string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status InfluxDB answered (200 for an error inside a result); null when there was no answer.</summary>
    public int? StatusCode { get; }
}
