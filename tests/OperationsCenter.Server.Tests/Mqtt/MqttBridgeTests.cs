using System.Net;
using MQTTnet.Server;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>
/// The center subscribes to an existing broker (here an MQTTnet broker in the test, with persistent sessions) and
/// ingests what departments publish there; a message published while the center is down is delivered when it is back.
/// </summary>
public sealed class MqttBridgeTests
{
    [Fact]
    public async Task Messages_on_a_subscribed_broker_are_ingested_and_those_sent_while_the_center_was_down_arrive_after_its_restart()
    {
        var brokerPort = FreePort.Next();
        var brokerOptions = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(brokerPort)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithPersistentSessions(true).Build();
        using var broker = new MqttServerFactory().CreateMqttServer(brokerOptions);
        broker.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "plant" || e.Password != "plant-password")
            {
                e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.ClientSubscribedTopicAsync += _ =>
        {
            subscribed.TrySetResult();
            return Task.CompletedTask;
        };
        await broker.StartAsync();

        await using var mqtt = await MqttCenter.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Mqtt:Subscriptions:0:Server"] = $"mqtt://127.0.0.1:{brokerPort}",
            ["OperationsCenter:Mqtt:Subscriptions:0:Username"] = "plant",
            ["OperationsCenter:Mqtt:Subscriptions:0:Password"] = "plant-password",
            ["OperationsCenter:Mqtt:Subscriptions:0:Topics:0"] = "plant/+/influx",
            ["OperationsCenter:Mqtt:Subscriptions:0:Department"] = "xa-ban-bo",
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var first = await MosquittoPub.PublishAsync(brokerPort, "plant-password", "plant/pump-1/influx", "mqtt_bridge,pump=1 value=1", "mqttv5", extra: ["-i", "plant-publisher"], user: "plant");
        Assert.True(first.ExitCode == 0, first.ToString());
        await mqtt.AwaitCountsAsync("mqtt_bridge", new Dictionary<string, long> { ["xa-ban-bo"] = 1 });

        // The center is gone; the broker keeps its session and queues what is published meanwhile.
        await mqtt.Center.KillAsync();
        var whileDown = await MosquittoPub.PublishAsync(brokerPort, "plant-password", "plant/pump-2/influx", "mqtt_bridge,pump=2 value=2", "mqttv5", extra: ["-i", "plant-publisher"], user: "plant");
        Assert.True(whileDown.ExitCode == 0, whileDown.ToString());
        await mqtt.Center.StartAgainAsync();
        await mqtt.AwaitCountsAsync("mqtt_bridge", new Dictionary<string, long> { ["xa-ban-bo"] = 2 });
        await broker.StopAsync(new MqttServerStopOptions());
    }
}
