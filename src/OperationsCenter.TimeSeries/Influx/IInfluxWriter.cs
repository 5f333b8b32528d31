namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Ships batches of canonical line protocol to InfluxDB.</summary>
public interface IInfluxWriter
{
    /// <summary>The InfluxDB generation this writer talks to.</summary>
    InfluxMajorVersion Version { get; }

    /// <summary>
    /// Writes canonical line protocol (nanosecond timestamps, <c>'\n'</c>-terminated lines) as is, in one request.
    /// </summary>
    /// <param name="lineProtocol">The UTF-8 body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InfluxWriteException">InfluxDB refused the data or could not be reached.</exception>
    Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken cancellationToken);
}
