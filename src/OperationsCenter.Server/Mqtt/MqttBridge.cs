using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace OperationsCenter.Server.Mqtt;

/// <summary>
/// Subscribes to topics of existing brokers (<c>OperationsCenter:Mqtt:Subscriptions</c>) and ingests what arrives
/// through the same path as the center's own endpoint. The session is persistent (a fixed client id, no clean start),
/// subscriptions are QoS 1 and a message is acknowledged to the broker only once its points are durable in the spool:
/// a message that could not be taken (spool full, a limit) is left unacknowledged and the connection is dropped, so
/// the broker delivers it again when the center reconnects, as it does after a crash.
/// </summary>
internal sealed class MqttBridge(IOptions<MqttOptions> options, MqttIngest ingest, ILogger<MqttBridge> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Subscriptions.Where(s => s.Server.Length > 0 && s.Topics.Count > 0 && s.Department.Length > 0)
            .Select(s => RunAsync(s, stoppingToken)));

    private async Task RunAsync(MqttSubscriptionOptions subscription, CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            e.AutoAcknowledge = false;
            var outcome = await ingest.IngestAsync(subscription.Department, e.ApplicationMessage.Topic ?? "", e.ApplicationMessage.Payload, stoppingToken);
            if (outcome.Settled)
            {
                await e.AcknowledgeAsync(stoppingToken);
                return;
            }

            // Not taken: no PUBACK, and a new connection so the broker sends it again (it resends only on reconnect).
            logger.LogWarning("MQTT message from {Server} on {Topic} not taken ({Reason}); reconnecting so the broker sends it again",
                subscription.Server, e.ApplicationMessage.Topic, outcome.Reason);
            _ = client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.UnspecifiedError });
        };

        var builder = new MqttClientOptionsBuilder()
            .WithConnectionUri(subscription.Server)
            .WithClientId(subscription.ClientId ?? $"operations-center-{subscription.Department}")
            .WithProtocolVersion(subscription.Protocol == "3.1.1" ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithCleanSession(false)
            .WithTimeout(TimeSpan.FromSeconds(15));
        if (subscription.Protocol != "3.1.1")
        {
            builder.WithSessionExpiryInterval(uint.MaxValue);
        }

        if (subscription.Username is not null || subscription.Password is not null)
        {
            builder.WithCredentials(subscription.Username ?? "", subscription.Password ?? "");
        }

        var clientOptions = builder.Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var connected = await client.ConnectAsync(clientOptions, stoppingToken);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"{connected.ResultCode} {connected.ReasonString}");
                    }

                    // A resumed session keeps its subscriptions; subscribing again does no harm and covers a broker that forgot them.
                    var subscribe = new MqttClientSubscribeOptionsBuilder();
                    foreach (var topic in subscription.Topics)
                    {
                        subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: false, MqttRetainHandling.SendAtSubscribeIfNewSubscriptionOnly);
                    }

                    var result = await client.SubscribeAsync(subscribe.Build(), stoppingToken);
                    foreach (var item in result.Items.Where(i => (int)i.ResultCode >= 0x80))
                    {
                        logger.LogError("MQTT subscription {Topic} on {Server} refused: {Code}", item.TopicFilter.Topic, subscription.Server, item.ResultCode);
                    }

                    logger.LogInformation("MQTT subscribed to {Topics} on {Server} for {Department}",
                        string.Join(", ", subscription.Topics), subscription.Server, subscription.Department);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("MQTT subscription to {Server} failed ({Error}); trying again in {Seconds} s", subscription.Server, ex.Message, RetryInterval.TotalSeconds);
            }

            try
            {
                await Task.Delay(client.IsConnected ? TimeSpan.FromSeconds(1) : RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
            catch (Exception)
            {
                // Stopping anyway.
            }
        }
    }
}
