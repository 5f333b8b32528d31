namespace OperationsCenter.TimeSeries.Influx;

/// <summary>A write to InfluxDB failed.</summary>
/// <remarks>
/// <para>
/// <see cref="Permanent"/> means InfluxDB refused the data itself (HTTP 400 such as a field type conflict or an
/// unparsable line, 413 too large, 422): sending the same bytes again will never succeed. InfluxDB keeps the valid
/// lines of such a batch (its "partial write"), so the batch must be dropped, not retried.
/// </para>
/// <para>
/// Anything else is transient: InfluxDB unreachable, a timeout, 5xx, 429, and also 401/403/404 (a token can be
/// fixed, a database created) — retry later.
/// </para>
/// </remarks>
public sealed class InfluxWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, including InfluxDB's own error text.</param>
    /// <param name="permanent">True when retrying the same data can never succeed.</param>
    /// <param name="statusCode">The HTTP status InfluxDB answered, or null when there was no answer.</param>
    /// <param name="serverMessage">InfluxDB's error text alone, when it sent one.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InfluxWriteException(string message, bool permanent, int? statusCode = null, string? serverMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Permanent = permanent;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    /// <summary>True when InfluxDB refused the data itself; retrying the same bytes will never succeed.</summary>
    public bool Permanent { get; }

    /// <summary>The HTTP status InfluxDB answered; null when the request got no answer.</summary>
    public int? StatusCode { get; }

    /// <summary>InfluxDB's error text as it sent it (e.g. <c>partial write: field type conflict: …</c>).</summary>
    public string? ServerMessage { get; }

    /// <summary>Whether an HTTP status means InfluxDB refused the data itself.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>True for 400, 413 and 422.</returns>
    public static bool IsPermanentStatus(int statusCode) => statusCode is 400 or 413 or 422;
}
