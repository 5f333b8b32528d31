using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using Orleans.Hosting;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace OperationsCenter.Server.Hosting;

/// <summary>
/// The grain storage alerts (and silences) live in, from <c>OperationsCenter:Alerts</c>: <c>Storage</c> = <c>Redis</c> (the default;
/// <c>Redis</c> holds the connection string, default <c>127.0.0.1:6379</c>) so lifecycles and acknowledgements survive
/// a restart, or <c>Memory</c> for a throwaway run.
/// </summary>
/// <remarks>
/// A Redis that is down never stops the server. Orleans' Redis storage connects once, in a silo lifecycle stage, and
/// rethrows a failed connect, which would fail the silo's start and with it the whole host; so the connection is made
/// with <c>abortConnect=false</c>: it comes back at once, disconnected, and reconnects in the background. Until then
/// every read or write of an alert fails at once (<see cref="BacklogPolicy.FailFast"/>), the caller gets the exception
/// and Orleans logs it as an error; ingest (a 204 is the spool's promise, not Redis's) and live state carry on. An alert
/// that was active when its write failed keeps the change in memory and stores it with its next write; one that has
/// to load its state cannot activate, so the signal that needed it fails. Reconnects are tried every second.
/// </remarks>
internal static partial class AlertStorageConfiguration
{
    /// <summary>Where Redis is when <c>OperationsCenter:Alerts:Redis</c> is not set.</summary>
    public const string DefaultRedis = "127.0.0.1:6379";

    /// <summary>Registers the <see cref="AlertStorage.Name"/> grain storage provider as configured.</summary>
    /// <exception cref="InvalidOperationException"><c>Storage</c> names neither <c>Redis</c> nor <c>Memory</c>.</exception>
    public static ISiloBuilder AddAlertStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection("OperationsCenter:Alerts");
        if (section.GetValue<TimeSpan?>("Reminders:Period") is { } period && period < TimeSpan.FromMinutes(1))
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period);
        }

        var storage = section["Storage"] is { Length: > 0 } configured ? configured : "Redis";
        if (storage.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            return silo.AddMemoryGrainStorage(AlertStorage.Name).UseInMemoryReminderService();
        }

        if (!storage.Equals("Redis", StringComparison.OrdinalIgnoreCase))
        {
            // A typo must not quietly fall back to memory and lose every acknowledgement on the next restart.
            throw new InvalidOperationException($"OperationsCenter:Alerts:Storage is '{storage}'; it must be 'Redis' or 'Memory'.");
        }

        var connectionString = section["Redis"] is { Length: > 0 } redis ? redis : DefaultRedis;

        // Reminders wake silence watches and escalations after a restart; they live in the same Redis.
        silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisOptions(connectionString));
        return silo.AddRedisGrainStorage(AlertStorage.Name, (OptionsBuilder<RedisStorageOptions> options) =>
            options.Configure<ILoggerFactory, Serializer>((o, loggers, serializer) =>
            {
                o.ConfigurationOptions = RedisOptions(connectionString);

                // The provider's default (Newtonsoft JSON, preserving references) writes an alert it cannot read back:
                // it refuses the labels' ImmutableDictionary. Orleans' own serializer is the contract these types
                // already keep for grain calls ([GenerateSerializer], stable [Id]s), so a stored alert reads back as sent.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                o.CreateMultiplexer = ConnectReporting(loggers.CreateLogger(typeof(AlertStorageConfiguration).FullName!));
            }));
    }

    /// <summary>The client options: the connection string, made to tolerate a Redis that is down.</summary>
    internal static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);

        // Forced even when the connection string says abortConnect=true: a failed first connect would stop the server.
        options.AbortOnConnectFail = false;

        // The default backlog queues commands while disconnected for up to the async timeout (5 s). Alert writes sit
        // on the live-state path (a series grain awaits its alert), so queueing would stall every flush by that much
        // for as long as Redis is down; failing at once keeps the wall live.
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // The default backs off to about 10 s between reconnects, so alerts would keep failing that long after Redis
        // is back; a try a second costs nothing against a Redis that refuses at once.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        return options;
    }

    /// <summary>Orleans' own connect, plus a log line when Redis is unreachable at start and when it comes and goes.</summary>
    private static Func<RedisStorageOptions, Task<(IConnectionMultiplexer Multiplexer, bool IsShared)>> ConnectReporting(ILogger logger) =>
        async options =>
        {
            var connected = await RedisStorageOptions.DefaultCreateMultiplexer(options);
            var multiplexer = connected.Multiplexer;

            // Endpoints only: the connection string may carry a password.
            var endpoints = string.Join(",", options.ConfigurationOptions!.EndPoints);
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
            return connected;
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert storage: Redis at {Endpoints} is unreachable; the server runs, alert changes fail to store until it answers")]
    private static partial void LogUnreachable(ILogger logger, string endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert storage: lost Redis at {Endpoints} ({FailureType}); alert changes fail to store until it answers")]
    private static partial void LogLost(ILogger logger, Exception? exception, string endpoints, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert storage: Redis at {Endpoints} answers again")]
    private static partial void LogRestored(ILogger logger, string endpoints);
}
