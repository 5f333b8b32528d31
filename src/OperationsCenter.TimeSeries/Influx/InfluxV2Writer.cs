using System.Text;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>
/// Writes to InfluxDB 2.x, or 3.x's compatibility endpoint, through InfluxDB.Client:
/// <c>POST /api/v2/write?org=&amp;bucket=&amp;precision=ns</c> with <c>Authorization: Token …</c>.
/// </summary>
/// <remarks>
/// The body goes over as our own line protocol text, never as <c>PointData</c>. It is handed to
/// <c>WriteRecordsAsync</c> as a single record: the client joins records with <c>'\n'</c>, so one record holding
/// all lines yields the identical body without splitting (which would also have to respect line feeds inside
/// string fields). Dispose the writer to release the client.
/// </remarks>
public sealed class InfluxV2Writer : IInfluxWriter, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writes;
    private readonly InfluxOptions _options;
    private readonly string _org;

    /// <summary>Creates a writer with its own InfluxDB.Client.</summary>
    /// <param name="options">Where to write: <see cref="InfluxOptions.Url"/>, <see cref="InfluxOptions.Org"/>,
    /// <see cref="InfluxOptions.EffectiveBucket"/>, <see cref="InfluxOptions.Token"/>.</param>
    /// <param name="version">What the server is: <see cref="InfluxMajorVersion.V2"/> or <see cref="InfluxMajorVersion.V3"/>.</param>
    /// <exception cref="ArgumentException">2.x without an organization (3.x ignores it; <c>-</c> is sent when none is set).</exception>
    public InfluxV2Writer(InfluxOptions options, InfluxMajorVersion version = InfluxMajorVersion.V2)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (version == InfluxMajorVersion.V1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "InfluxDB 1.x has no /api/v2/write; use InfluxV1Writer.");
        }

        _options = options;
        Version = version;
        _org = InfluxV2Client.OrgFor(options, version);
        _client = InfluxV2Client.Create(options, _org);
        _writes = _client.GetWriteApiAsync();
    }

    /// <inheritdoc />
    public InfluxMajorVersion Version { get; }

    /// <inheritdoc />
    public async Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken cancellationToken)
    {
        var span = lineProtocol.Span;
        if (!span.IsEmpty && span[^1] == (byte)'\n')
        {
            span = span[..^1];
        }

        if (span.IsEmpty)
        {
            return;
        }

        string[] records = [Encoding.UTF8.GetString(span)];
        try
        {
            await _writes.WriteRecordsAsync(records, WritePrecision.Ns, _options.EffectiveBucket, _org, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not InfluxWriteException)
        {
            throw InfluxV2Client.Translate(e, $"Write to InfluxDB bucket \"{_options.EffectiveBucket}\"", dataRefusable: true);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
