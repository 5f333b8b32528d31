using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>
/// What MQTT does where HTTP answers 413, 429 or 503: nothing of the message is stored, MQTT 5 says why in the PUBACK,
/// and MQTT 3.1.1 (whose PUBACK cannot say "not taken") gets its connection closed instead of a PUBACK, so the
/// client sends the message again.
/// </summary>
public sealed class MqttLimitsTests
{
    [Fact]
    public async Task A_full_spool_is_quota_exceeded_for_mqtt5_and_a_closed_connection_without_puback_for_mqtt311()
    {
        // No InfluxDB: nothing drains, the spool fills up.
        await using var mqtt = await MqttCenter.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Spool:MaxBytes"] = "65536" }, withInflux: false);
        using var v5 = await mqtt.ClientAsync("xa-ban-bo", MqttProtocolVersion.V500);
        MqttClientPublishResult? refused = null;
        var accepted = 0;
        for (var batch = 0; batch < 200 && refused is null; batch++)
        {
            var result = await v5.PublishAsync(Message(Lines("full", batch * 100, 100)));
            if (result.IsSuccess)
            {
                accepted++;
            }
            else
            {
                refused = result;
            }
        }

        Assert.NotNull(refused);
        Assert.True(accepted > 0, "some messages fit before the spool was full");
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, refused.ReasonCode);
        Assert.Contains("send it again", refused.ReasonString);

        using var v311 = await mqtt.ClientAsync("xa-ban-bo", MqttProtocolVersion.V311);
        await Assert.ThrowsAnyAsync<Exception>(() => v311.PublishAsync(Message(Lines("full", 1_000_000, 100))));
        await OperationsCenter.Testing.Await.UntilAsync(() => Task.FromResult(v311.IsConnected), connected => !connected, "the 3.1.1 connection closed");
    }

    [Fact]
    public async Task The_departments_rate_and_the_lines_per_message_limit_apply_as_over_http()
    {
        await using var mqtt = await MqttCenter.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "1",
            ["OperationsCenter:Ingest:RateLimit:Burst"] = "1",
            ["OperationsCenter:Ingest:Limits:MaxLinesPerRequest"] = "3",
        }, withInflux: false);

        using var client = await mqtt.ClientAsync("so-noi-vu", MqttProtocolVersion.V500);
        var first = await client.PublishAsync(Message(Lines("rate", 0, 1)));
        Assert.Equal(MqttClientPublishReasonCode.Success, first.ReasonCode);

        // The bucket holds one message and refills one a second, so a loaded machine may see another taken first.
        MqttClientPublishResult? refused = null;
        for (var i = 1; i < 10 && refused is null; i++)
        {
            var next = await client.PublishAsync(Message(Lines("rate", i, 1)));
            refused = next.IsSuccess ? null : next;
        }

        Assert.NotNull(refused);
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, refused.ReasonCode);
        Assert.Contains("OperationsCenter:Ingest:RateLimit", refused.ReasonString);

        // Another department's budget is its own; four lines are past the limit of three: refused whole, to be split.
        using var other = await mqtt.ClientAsync("phuong-tan-phong", MqttProtocolVersion.V500);
        var tooMany = await other.PublishAsync(Message(Lines("rate", 100, 4)));
        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, tooMany.ReasonCode);
        Assert.Contains("MaxLinesPerRequest", tooMany.ReasonString);
    }

    private static MqttApplicationMessage Message(string payload) => new MqttApplicationMessageBuilder()
        .WithTopic("ioc/test/influx").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithPayload(payload).Build();

    private static string Lines(string measurement, int first, int count) =>
        string.Join('\n', Enumerable.Range(first, count).Select(i => $"{measurement},unit=u{i % 7} value={i}i,text=\"{new string('x', 24)}\""));
}
