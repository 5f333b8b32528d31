using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Polly;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// The connection to InfluxDB: detects its version on first use (and again after a failure to connect), holds the
/// matching writer and the resilience pipeline shared by writes and queries.
/// </summary>
internal sealed class InfluxConnection
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly DrainStatus _status;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IInfluxWriter? _writer;

    /// <summary>Creates the connection from <c>OperationsCenter:Influx</c>.</summary>
    public InfluxConnection(IHttpClientFactory httpClients, IOptions<InfluxOptions> options, DrainStatus status)
    {
        _http = httpClients.CreateClient(nameof(InfluxConnection));
        _options = options.Value;
        _status = status;
        Pipeline = InfluxResilience.Create(_options.RequestTimeout, ex => status.Failed(ex.Message, DateTimeOffset.UtcNow));
        Queries = new InfluxQueryClient(_http, _options);
    }

    /// <summary>Retries, circuit breaker and timeout around every InfluxDB call.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>InfluxQL on <c>/query</c>.</summary>
    public InfluxQueryClient Queries { get; }

    /// <summary>Runs InfluxQL through the resilience pipeline.</summary>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string influxQl, CancellationToken ct) =>
        await Pipeline.ExecuteAsync(async token => await Queries.QueryAsync(influxQl, token), ct);

    /// <summary>The answer while InfluxDB cannot be reached: 503, saying what is unavailable and why.</summary>
    public static JsonHttpResult<Api.ApiError> Unavailable(string what, Exception ex) =>
        TypedResults.Json(new Api.ApiError($"InfluxDB is unreachable, {what} is unavailable for now: {ex.Message}"),
            statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>The writer for the detected version, connecting (and creating the database) on first use.</summary>
    public async ValueTask<IInfluxWriter> WriterAsync(CancellationToken ct)
    {
        if (_writer is { } writer)
        {
            return writer;
        }

        await _connecting.WaitAsync(ct);
        try
        {
            _writer ??= await InfluxConnector.ConnectAsync(_http, _options, ct);
            _status.Connected(_writer.Version.ToString());
            return _writer;
        }
        finally
        {
            _connecting.Release();
        }
    }
}
