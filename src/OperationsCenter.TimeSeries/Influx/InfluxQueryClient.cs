namespace OperationsCenter.TimeSeries.Influx;

/// <summary>
/// InfluxQL over <c>{Url}/query?db=&amp;epoch=ns</c>, which InfluxDB 1.x, 2.x (through a DBRP mapping) and 3.x all
/// serve. Reads (<c>SELECT</c>, <c>SHOW</c>) go as GET; anything else as a POST form, as 1.x requires.
/// </summary>
public sealed class InfluxQueryClient
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The client to send with; its base address is not used.</param>
    /// <param name="options">Where InfluxDB is and which database to query; credentials as for writes.</param>
    public InfluxQueryClient(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>Runs one statement; timestamps come back as nanoseconds since the epoch.</summary>
    /// <param name="influxQl">The statement; quote names with <see cref="InfluxQl"/>.</param>
    /// <param name="ct">Cancels the query.</param>
    /// <returns>The series of the first result; empty when nothing matched.</returns>
    /// <exception cref="InfluxQueryException">InfluxDB answered with an error (the message is InfluxDB's) or was unreachable.</exception>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string influxQl, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        using var request = CreateRequest(influxQl);
        InfluxHttp.Authorize(request, _options);
        using var timeout = InfluxHttp.WithTimeout(ct, _options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await InfluxHttp.ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
                throw new InfluxQueryException(error, (int)response.StatusCode);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            return await InfluxQueryResponse.ReadFirstResultAsync(stream, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new InfluxQueryException($"InfluxDB at {_options.Url} did not answer a query within {_options.RequestTimeout}.", innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxQueryException($"InfluxDB at {_options.Url} is unreachable: {e.Message}", innerException: e);
        }
    }

    private HttpRequestMessage CreateRequest(string influxQl)
    {
        var trimmed = influxQl.AsSpan().TrimStart();
        var read = trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("SHOW", StringComparison.OrdinalIgnoreCase);
        if (read)
        {
            return new HttpRequestMessage(HttpMethod.Get, InfluxHttp.Endpoint(_options.Url, "query", ("db", _options.Database), ("epoch", "ns"), ("q", influxQl)));
        }

        // The statement goes in the body so that long statements do not hit URL limits.
        return new HttpRequestMessage(HttpMethod.Post, InfluxHttp.Endpoint(_options.Url, "query", ("db", _options.Database), ("epoch", "ns")))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", influxQl)]),
        };
    }
}
