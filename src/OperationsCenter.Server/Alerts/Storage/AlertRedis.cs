using StackExchange.Redis;

namespace OperationsCenter.Server.Alerts.Storage;

/// <summary>
/// The connection to the Redis that holds alert state, made on first use. A Redis that is down never stops the
/// server: the connection comes back disconnected and reconnects in the background, and until then every read or
/// write fails at once (so a series grain waiting on its alert is not held up) and is retried by the alert.
/// </summary>
internal sealed partial class AlertRedis : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <summary>Connects (lazily) with <paramref name="connectionString"/>; <paramref name="logger"/> hears it come and go.</summary>
    public AlertRedis(string connectionString, ILogger<AlertRedis> logger)
    {
        var options = Options(connectionString);
        Endpoints = string.Join(",", options.EndPoints);
        _connection = new(() => ConnectAsync(options, logger));
    }

    /// <summary>Where Redis is (no password), for logs and <c>/health</c>.</summary>
    public string Endpoints { get; }

    /// <summary>The connection, connected or reconnecting.</summary>
    public Task<ConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    /// <summary>Round-trip time of a PING, or null when Redis does not answer within <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan?> PingAsync(TimeSpan timeout)
    {
        try
        {
            var connection = await ConnectionAsync().WaitAsync(timeout);
            return await connection.GetDatabase().PingAsync().WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The client options: the connection string, made to tolerate a Redis that is down.</summary>
    internal static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);

        // Forced even when the connection string says abortConnect=true: a failed first connect would stop the server.
        options.AbortOnConnectFail = false;

        // The default backlog queues commands while disconnected for up to the async timeout (5 s); failing at once
        // keeps the wall live, and the alert retries by itself.
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // The default backs off to about 10 s between reconnects; a try a second costs nothing.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        return options;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions options, ILogger logger)
    {
        var endpoints = string.Join(",", options.EndPoints);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        if (!multiplexer.IsConnected)
        {
            LogUnreachable(logger, endpoints);
        }

        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                LogLost(logger, e.Exception, endpoints, e.FailureType);
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                LogRestored(logger, endpoints);
            }
        };
        return multiplexer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert storage: Redis at {Endpoints} is unreachable; the server runs, alert changes are kept and stored once it answers")]
    private static partial void LogUnreachable(ILogger logger, string endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert storage: lost Redis at {Endpoints} ({FailureType}); alert changes are kept and stored once it answers")]
    private static partial void LogLost(ILogger logger, Exception? exception, string endpoints, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert storage: Redis at {Endpoints} answers again")]
    private static partial void LogRestored(ILogger logger, string endpoints);
}
