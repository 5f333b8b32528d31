using System.Net;
using System.Net.Sockets;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>How the MQTT endpoint comes up, or does not.</summary>
public sealed class MqttEndpointTests
{
    [Fact]
    public async Task A_taken_mqtt_port_stops_the_center_with_the_setting_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CenterProcess.StartAsync(
            new Dictionary<string, string?> { ["OperationsCenter:Mqtt:Port"] = port.ToString() }));
        Assert.Contains("OperationsCenter:Mqtt:Port", refused.Message);
    }

    [Fact]
    public async Task Port_zero_turns_mqtt_off_and_health_says_so()
    {
        await using var center = await CenterProcess.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Mqtt:Port"] = "0" });
        using var client = center.CreateClient();
        var mqtt = (await Health.ReadAsync(client)).GetProperty("mqtt");
        Assert.Equal(0, mqtt.GetProperty("port").GetInt32());
        Assert.Equal(0, mqtt.GetProperty("tlsPort").GetInt32());
    }
}
