namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Finds out which InfluxDB is at the configured address, prepares it, and picks the matching writer.</summary>
public static class InfluxConnector
{
    /// <summary>
    /// Pings InfluxDB, creates the database or bucket when <see cref="InfluxOptions.CreateDatabase"/> asks for it,
    /// and returns the writer for its version. Use <see cref="PingAsync"/> first to log what was detected.
    /// </summary>
    /// <param name="http">Used for <c>/ping</c>, 1.x writes and queries.</param>
    /// <param name="options">Where InfluxDB is.</param>
    /// <param name="ct">Cancels the attempt.</param>
    /// <returns>An <see cref="InfluxV1Writer"/> or an <see cref="InfluxV2Writer"/> (which the caller should dispose).</returns>
    /// <exception cref="InfluxWriteException">InfluxDB is unreachable or refused to prepare the database (transient).</exception>
    /// <exception cref="ArgumentException">The server is 2.x and no <see cref="InfluxOptions.Org"/> is configured.</exception>
    public static async Task<IInfluxWriter> ConnectAsync(HttpClient http, InfluxOptions options, CancellationToken ct)
    {
        var server = await PingAsync(http, options, ct).ConfigureAwait(false);
        if (server.Version != InfluxMajorVersion.V1)
        {
            // A configuration mistake: say so before touching buckets rather than fail every write.
            InfluxV2Client.OrgFor(options, server.Version);
        }

        if (options.CreateDatabase)
        {
            await EnsureDatabaseAsync(http, options, server.Version, ct).ConfigureAwait(false);
        }

        return CreateWriter(http, options, server.Version);
    }

    /// <summary><c>GET /ping</c>: whether InfluxDB answers, and which version it is.</summary>
    /// <param name="http">The client.</param>
    /// <param name="options">Where InfluxDB is; the credentials are sent since 3.x may guard <c>/ping</c>.</param>
    /// <param name="ct">Cancels the attempt.</param>
    /// <returns>The detected server.</returns>
    /// <exception cref="InfluxWriteException">No 2xx answer (transient).</exception>
    public static async Task<InfluxServerInfo> PingAsync(HttpClient http, InfluxOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        using var request = new HttpRequestMessage(HttpMethod.Get, InfluxHttp.Endpoint(options.Url, "ping"));
        InfluxHttp.Authorize(request, options);
        using var timeout = InfluxHttp.WithTimeout(ct, options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await InfluxHttp.ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
                throw new InfluxWriteException($"InfluxDB at {options.Url} answered /ping with HTTP {(int)response.StatusCode}: {error}", false, (int)response.StatusCode, error);
            }

            return InfluxServerInfo.FromHeaders(Header(response, "X-Influxdb-Version"), Header(response, "X-Influxdb-Build"));
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new InfluxWriteException($"InfluxDB at {options.Url} did not answer /ping within {options.RequestTimeout}.", false, innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxWriteException($"InfluxDB at {options.Url} is unreachable: {e.Message}", false, innerException: e);
        }
    }

    /// <summary>Creates the 1.x database or the 2.x bucket when missing; 3.x creates databases on first write.</summary>
    /// <param name="http">The client for 1.x.</param>
    /// <param name="options">What to create.</param>
    /// <param name="version">The server's generation.</param>
    /// <param name="ct">Cancels the attempt.</param>
    /// <exception cref="InfluxWriteException">InfluxDB refused or could not be reached (transient).</exception>
    public static Task EnsureDatabaseAsync(HttpClient http, InfluxOptions options, InfluxMajorVersion version, CancellationToken ct) => version switch
    {
        InfluxMajorVersion.V1 => CreateV1DatabaseAsync(http, options, ct),
        InfluxMajorVersion.V2 => InfluxV2Buckets.EnsureAsync(options, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>The writer for a server generation.</summary>
    /// <param name="http">The client for 1.x writes (2.x/3.x writes go through InfluxDB.Client's own).</param>
    /// <param name="options">Where to write.</param>
    /// <param name="version">The server's generation.</param>
    /// <returns>The writer.</returns>
    public static IInfluxWriter CreateWriter(HttpClient http, InfluxOptions options, InfluxMajorVersion version) => version switch
    {
        InfluxMajorVersion.V1 => new InfluxV1Writer(http, options),
        _ => new InfluxV2Writer(options, version),
    };

    /// <summary><c>CREATE DATABASE</c>, which 1.x answers with success when the database exists already.</summary>
    internal static async Task CreateV1DatabaseAsync(HttpClient http, InfluxOptions options, CancellationToken ct)
    {
        try
        {
            await new InfluxQueryClient(http, options)
                .QueryAsync("CREATE DATABASE " + InfluxQl.Identifier(options.Database), ct)
                .ConfigureAwait(false);
        }
        catch (InfluxQueryException e)
        {
            throw new InfluxWriteException($"Could not create InfluxDB database \"{options.Database}\": {e.Message}", false, e.StatusCode, e.Message, e);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
