using System.IO.Compression;
using System.Net.Http.Headers;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>
/// Writes to InfluxDB 1.x: <c>POST {Url}/write?db=&amp;rp=&amp;precision=ns</c> with the body as is (gzip-compressed
/// above <see cref="InfluxOptions.GzipThresholdBytes"/>), Basic auth when a user is configured; 204 means stored.
/// </summary>
/// <remarks>
/// Unsigned fields are sent as integers unless <see cref="InfluxOptions.UnsignedAsIntegerOnV1"/> is off, because
/// InfluxDB 1.x OSS refuses them. When InfluxDB answers "database not found" and
/// <see cref="InfluxOptions.CreateDatabase"/> is on, the database is created and the write sent once more.
/// </remarks>
public sealed class InfluxV1Writer : IInfluxWriter
{
    private static readonly MediaTypeHeaderValue LineProtocolType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");

    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly Uri _endpoint;

    /// <summary>Creates a writer.</summary>
    /// <param name="http">The client to send with; its base address is not used.</param>
    /// <param name="options">Where to write.</param>
    public InfluxV1Writer(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _endpoint = InfluxHttp.Endpoint(
            options.Url,
            "write",
            ("db", options.Database),
            ("rp", string.IsNullOrEmpty(options.RetentionPolicy) ? null : options.RetentionPolicy),
            ("precision", "ns"));
    }

    /// <inheritdoc />
    public InfluxMajorVersion Version => InfluxMajorVersion.V1;

    /// <inheritdoc />
    public async Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken cancellationToken)
    {
        var body = _options.UnsignedAsIntegerOnV1 ? UnsignedFields.AsSignedIntegers(lineProtocol) : lineProtocol;
        try
        {
            await PostAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxWriteException e) when (e.StatusCode == 404 && _options.CreateDatabase
            && e.ServerMessage?.StartsWith("database not found", StringComparison.Ordinal) == true)
        {
            // Someone dropped the database (or it was never created): recreate it rather than retry forever.
            await InfluxConnector.CreateV1DatabaseAsync(_http, _options, cancellationToken).ConfigureAwait(false);
            await PostAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PostAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = CreateContent(body) };
        InfluxHttp.Authorize(request, _options);
        using var timeout = InfluxHttp.WithTimeout(ct, _options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new InfluxWriteException($"InfluxDB at {_options.Url} did not answer a write within {_options.RequestTimeout}.", false, innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxWriteException($"InfluxDB at {_options.Url} is unreachable: {e.Message}", false, innerException: e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            throw await FailureAsync(response, timeout.Token, ct).ConfigureAwait(false);
        }
    }

    private async Task<InfluxWriteException> FailureAsync(HttpResponseMessage response, CancellationToken readToken, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string error;
        try
        {
            error = await InfluxHttp.ReadErrorAsync(response, readToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            error = $"HTTP {status} {response.ReasonPhrase}";
        }

        var permanent = InfluxWriteException.IsPermanentStatus(status);
        return new InfluxWriteException(
            $"InfluxDB refused a write to database \"{_options.Database}\" (HTTP {status}{(permanent ? ", permanent" : "")}): {error}",
            permanent,
            status,
            error);
    }

    private HttpContent CreateContent(ReadOnlyMemory<byte> body)
    {
        HttpContent content;
        if (body.Length > _options.GzipThresholdBytes)
        {
            content = new ByteArrayContent(Gzip(body.Span));
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ReadOnlyMemoryContent(body);
        }

        content.Headers.ContentType = LineProtocolType;
        return content;
    }

    private static byte[] Gzip(ReadOnlySpan<byte> body)
    {
        // Line protocol compresses about tenfold; Fastest keeps the drainer's CPU for parsing, not zlib.
        using var output = new MemoryStream(body.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
