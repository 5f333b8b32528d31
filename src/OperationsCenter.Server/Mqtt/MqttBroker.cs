using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Telemetry;

namespace OperationsCenter.Server.Mqtt;

/// <summary>
/// The center's MQTT endpoint (MQTTnet, MQTT 3.1.1 and 5), in the same process: departments publish line protocol or
/// the JSON feed with their key as the password. It is an ingest endpoint, not a message bus: nothing is routed to
/// subscribers and subscriptions are refused. A QoS 1 message is acknowledged only once its points are durable in the
/// spool (the promise of a 204): MQTTnet sends the PUBACK after the publish interceptor completes, and the interceptor
/// awaits the spool append.
/// </summary>
internal sealed class MqttBroker(
    IOptions<MqttOptions> options, DepartmentKeyResolver keys, MqttIngest ingest, MqttRefusals refusals, CenterMetrics metrics,
    MqttMetrics mqttMetrics, ILogger<MqttBroker> logger)
    : IHostedService, IAsyncDisposable
{
    private const string DepartmentItem = "oc.department";
    private const string VersionItem = "oc.protocol";

    private readonly MqttMetrics _instruments = mqttMetrics; // created with the broker, so the gauge exists while it runs

    private MqttServer? _server;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("MQTT is off (OperationsCenter:Mqtt:Port is 0 and no certificate is set)");
            return;
        }

        if (!IPAddress.TryParse(settings.Address, out var address))
        {
            throw new InvalidOperationException($"OperationsCenter:Mqtt:Address '{settings.Address}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::)");
        }

        var builder = new MqttServerOptionsBuilder();
        if (settings.Port > 0)
        {
            builder.WithDefaultEndpoint().WithDefaultEndpointPort(settings.Port);
        }
        else
        {
            builder.WithoutDefaultEndpoint();
        }

        var tls = settings.TlsPort > 0 && !string.IsNullOrWhiteSpace(settings.Certificate);
        if (tls)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.Certificate!, settings.CertificatePassword);
            builder.WithEncryptedEndpoint().WithEncryptedEndpointPort(settings.TlsPort).WithEncryptionCertificate(certificate);
        }

        var serverOptions = builder.Build();

        // One address family only: MQTTnet listens on IPv4 and IPv6 "any" unless told otherwise.
        foreach (var endpoint in new MqttServerTcpEndpointBaseOptions[] { serverOptions.DefaultEndpointOptions, serverOptions.TlsEndpointOptions })
        {
            var v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            endpoint.BoundInterNetworkAddress = v6 ? IPAddress.None : address;
            endpoint.BoundInterNetworkV6Address = v6 ? address : IPAddress.None;
            endpoint.NoDelay = true;
        }

        var server = new MqttServerFactory().CreateMqttServer(
            serverOptions, [new ClientIdAssigningAdapter(new MQTTnet.Server.Internal.Adapter.MqttTcpServerAdapter())], new MqttLogger(logger));
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += PublishAsync;
        server.InterceptingSubscriptionAsync += RefuseSubscriptionAsync;
        server.ClientConnectedAsync += _ =>
        {
            refusals.Connection(+1);
            return Task.CompletedTask;
        };
        server.ClientDisconnectedAsync += _ =>
        {
            refusals.Connection(-1);
            return Task.CompletedTask;
        };

        try
        {
            await server.StartAsync();
        }
        catch (Exception ex)
        {
            server.Dispose();
            // A taken port says all there is to say; anything else (a certificate, an address) keeps its exception.
            var taken = ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse };
            var message = $"the MQTT endpoint could not listen on {settings.Address} port {settings.Port}{(tls ? $" (TLS {settings.TlsPort})" : "")}: " +
                $"{(taken ? "the port is taken by another program" : ex.Message)}; set OperationsCenter:Mqtt:Port and TlsPort (0 turns an endpoint off)";
            throw taken ? new InvalidOperationException(message) : new InvalidOperationException(message, ex);
        }

        _server = server;
        refusals.Port = settings.Port > 0 ? serverOptions.DefaultEndpointOptions.Port : 0;
        refusals.TlsPort = tls ? serverOptions.TlsEndpointOptions.Port : 0;
        logger.LogInformation("MQTT listening on {Address} port {Port}{Tls}", settings.Address, refusals.Port, tls ? $", TLS port {refusals.TlsPort}" : "");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(new MqttServerStopOptions());
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>CONNECT: the password is the department key, checked as HTTP checks it; the user name is free.</summary>
    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (e.ProtocolVersion == MqttProtocolVersion.V500 && e.ClientId?.StartsWith(ClientIdAssigningAdapter.AssignedPrefix, StringComparison.Ordinal) == true)
        {
            // The client left its id to the server (see ClientIdAssigningAdapter): MQTT 5 says which one it got.
            e.AssignedClientIdentifier = e.ClientId;
        }

        if (!keys.TryResolve(e.Password, out var department))
        {
            // The same answer for a missing and a wrong key (3.1.1: return code 4, bad user name or password).
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            if (e.ProtocolVersion == MqttProtocolVersion.V500)
            {
                e.ReasonString = "send your department key as the MQTT password (any user name)";
            }

            return Task.CompletedTask;
        }

        e.SessionItems[DepartmentItem] = department;
        e.SessionItems[VersionItem] = e.ProtocolVersion;
        return Task.CompletedTask;
    }

    /// <summary>PUBLISH: ingested, durable before the PUBACK; never routed to anyone.</summary>
    private async Task PublishAsync(InterceptingPublishEventArgs e)
    {
        // Nothing is routed, retained or counted as "no subscribers": the center is where the points go.
        e.ProcessPublish = false;
        if (e.SessionItems[DepartmentItem] is not string department)
        {
            // A will message of a connection that never authenticated cannot happen; refuse anything unattributed.
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        var v5 = e.SessionItems[VersionItem] is MqttProtocolVersion.V500;
        var message = e.ApplicationMessage;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await ingest.IngestAsync(department, message.Topic ?? "", message.Payload, e.CancellationToken);
        var code = outcome.Kind switch
        {
            MqttOutcomeKind.Stored => MqttPubAckReasonCode.Success,
            MqttOutcomeKind.Partial or MqttOutcomeKind.Refused => MqttPubAckReasonCode.PayloadFormatInvalid,
            MqttOutcomeKind.Foreign => MqttPubAckReasonCode.NotAuthorized,
            MqttOutcomeKind.TooLarge or MqttOutcomeKind.Busy or MqttOutcomeKind.SpoolFull => MqttPubAckReasonCode.QuotaExceeded,
            _ => MqttPubAckReasonCode.ImplementationSpecificError,
        };

        // The answer's "status" for MQTT: 0 when all was taken, otherwise the MQTT 5 reason code (whatever the client's version).
        metrics.IngestRequest(IngestDialectTag.Mqtt, (int)code, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (code == MqttPubAckReasonCode.Success)
        {
            return;
        }

        if (!outcome.Settled && !v5)
        {
            // MQTT 3.1.1 cannot say "not taken" in a PUBACK: close the connection so the client sends the message again.
            e.CloseConnection = true;
            return;
        }

        if (v5)
        {
            e.Response.ReasonCode = code;
            e.Response.ReasonString = outcome.Reason;
        }
    }

    /// <summary>SUBSCRIBE: refused; the endpoint takes points and gives out nobody's data.</summary>
    private static Task RefuseSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        e.ReasonString = "the center's MQTT endpoint takes points only: subscriptions are not offered";
        return Task.CompletedTask;
    }

    /// <summary>MQTTnet's warnings and errors in the server log.</summary>
    private sealed class MqttLogger(ILogger logger) : IMqttNetLogger
    {
        public bool IsEnabled => logger.IsEnabled(LogLevel.Warning);

        public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
        {
            var level = logLevel switch
            {
                MqttNetLogLevel.Error => LogLevel.Error,
                MqttNetLogLevel.Warning => LogLevel.Warning,
                MqttNetLogLevel.Info => LogLevel.Debug,
                _ => LogLevel.Trace,
            };
            if (!logger.IsEnabled(level))
            {
                return;
            }

            var text = parameters is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, message, parameters) : message;
            logger.Log(level, exception, "MQTT {Source}: {Message}", source, text);
        }
    }
}
