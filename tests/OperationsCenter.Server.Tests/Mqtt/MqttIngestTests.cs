using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>
/// MQTT ingest against the real server process and a real influxd, published with mosquitto_pub (and an MQTTnet client
/// where mosquitto_pub cannot show what came back): the points reach InfluxDB and live state with the key's department,
/// a wrong key is refused at CONNECT, a foreign line is refused while its message's valid line is kept.
/// </summary>
public sealed class MqttIngestTests(MqttCenter mqtt) : IClassFixture<MqttCenter>
{
    private const string Department = "so-noi-vu";

    [Theory]
    [InlineData(null)]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Line_protocol_published_at_qos1_reaches_influxdb_and_live_state_with_the_keys_department(string? version)
    {
        var measurement = $"mqtt_lp_{(version ?? "default").Replace("mqtt", "")}";
        var run = await MosquittoPub.PublishAsync(mqtt.MqttPort, TestDepartments.KeyFor(Department), $"ioc/{Department}/influx",
            $"{measurement},desk=one value=1.5\n{measurement},desk=two value=2.5", version);
        Assert.True(run.ExitCode == 0, run.ToString());

        await mqtt.AwaitCountsAsync(measurement, new Dictionary<string, long> { [Department] = 2 });
        var series = await mqtt.AwaitLiveSeriesAsync(measurement, 2);
        Assert.All(series, s => Assert.Equal(Department, s.GetProperty("department").GetString()));
        Assert.Equal(["one", "two"], series.Select(s => s.GetProperty("tags").GetProperty("desk").GetString()).Order());
    }

    [Fact]
    public async Task The_json_feed_is_chosen_by_topic_or_by_content()
    {
        var key = TestDepartments.KeyFor(Department);
        var byTopic = await MosquittoPub.PublishAsync(mqtt.MqttPort, key, $"ioc/{Department}/json",
            """ {"points":[{"measurement":"mqtt_json","tags":{"desk":"topic"},"fields":{"value":1}}]}""");
        var byContent = await MosquittoPub.PublishAsync(mqtt.MqttPort, key, $"ioc/{Department}/feed",
            """[{"measurement":"mqtt_json","tags":{"desk":"content"},"fields":{"value":2}}]""", "mqttv5");
        Assert.True(byTopic.ExitCode == 0, byTopic.ToString());
        Assert.True(byContent.ExitCode == 0, byContent.ToString());

        await mqtt.AwaitCountsAsync("mqtt_json", new Dictionary<string, long> { [Department] = 2 });
    }

    [Fact]
    public async Task Every_line_read_from_stdin_is_a_message_of_its_own()
    {
        var run = await MosquittoPub.PublishAsync(mqtt.MqttPort, TestDepartments.KeyFor(Department), $"ioc/{Department}/influx",
            "mqtt_stdin,desk=a value=1\nmqtt_stdin,desk=b value=2\nmqtt_stdin,desk=c value=3\n", "mqttv5", linesFromStdin: true);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.Output.Split('\n').Count(line => line.Contains("received PUBACK", StringComparison.Ordinal)));
        await mqtt.AwaitCountsAsync("mqtt_stdin", new Dictionary<string, long> { [Department] = 3 });
    }

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task A_wrong_or_missing_key_is_refused_at_connect(string version)
    {
        var wrong = await MosquittoPub.PublishAsync(mqtt.MqttPort, "not-a-key", "ioc/x/influx", "mqtt_refused value=1", version);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("bad user name or password", wrong.Error + wrong.Output, StringComparison.OrdinalIgnoreCase);

        // Another department's key with a line of this department is a foreign line, not a way in; an empty password is no key.
        var empty = await MosquittoPub.PublishAsync(mqtt.MqttPort, "", "ioc/x/influx", "mqtt_refused value=1", version);
        Assert.NotEqual(0, empty.ExitCode);

        using var client = new MqttClientFactory().CreateMqttClient();
        string answer;
        try
        {
            var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", mqtt.MqttPort)
                .WithProtocolVersion(version == "mqttv5" ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
                .WithCredentials("anything", "not-a-key").Build());
            answer = result.ResultCode.ToString();
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException refused)
        {
            answer = refused.Message;
        }

        Assert.Contains(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), answer);
        Assert.False(client.IsConnected);
        Assert.Equal(0, (await mqtt.CountByDepartmentAsync("mqtt_refused")).Values.Sum());
    }

    [Fact]
    public async Task A_foreign_line_is_refused_the_valid_line_kept_and_the_refusal_counted_on_health()
    {
        const string own = "phuong-tan-phong";
        var before = RefusedOf(await mqtt.HealthMqttAsync(), own);
        var run = await MosquittoPub.PublishAsync(mqtt.MqttPort, TestDepartments.KeyFor(own), $"ioc/{own}/influx",
            "mqtt_foreign,department=xa-ban-bo value=1\nmqtt_foreign value=2", "mqttv5");

        // mosquitto_pub -d prints the PUBACK with its MQTT 5 reason code: 153 is 0x99, payload format invalid.
        Assert.Contains("RC:153", run.Output + run.Error);
        await mqtt.AwaitCountsAsync("mqtt_foreign", new Dictionary<string, long> { [own] = 1 });
        var health = await Await.UntilAsync(mqtt.HealthMqttAsync, h => RefusedOf(h, own) >= before + 1, "the refusal on /health");
        Assert.Equal(mqtt.MqttPort, health.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Mqtt5_puback_carries_payload_format_invalid_naming_the_first_bad_line_while_the_valid_lines_are_stored()
    {
        const string own = "xa-ban-bo";
        var client = await mqtt.ClientAsync(own, MqttProtocolVersion.V500);
        var message = new MqttApplicationMessageBuilder().WithTopic($"ioc/{own}/influx").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithPayload("mqtt_v5,desk=a value=1\nmqtt_v5,desk=b value=oops\nmqtt_v5,department=so-noi-vu value=3\nmqtt_v5,desk=c value=4").Build();
        var result = await client.PublishAsync(message);

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        Assert.Contains("2 accepted, 2 rejected", result.ReasonString);
        Assert.Contains("line 2", result.ReasonString);
        await mqtt.AwaitCountsAsync("mqtt_v5", new Dictionary<string, long> { [own] = 2 });

        // A clean message is a plain success (not "no matching subscribers": the center is where the points go).
        var clean = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"ioc/{own}/influx")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithPayload("mqtt_v5,desk=d value=5").Build());
        Assert.Equal(MqttClientPublishReasonCode.Success, clean.ReasonCode);

        // Every line another department's: not authorized, nothing stored.
        var foreign = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"ioc/{own}/influx")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithPayload("mqtt_v5,department=so-noi-vu value=6").Build());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);

        // Nobody reads departments' data through the center: subscriptions are refused.
        var subscribe = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("ioc/#").Build());
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, subscribe.Items.Single().ResultCode);
        await client.DisconnectAsync();
        await mqtt.AwaitCountsAsync("mqtt_v5", new Dictionary<string, long> { [own] = 3 });
    }

    [Fact]
    public async Task Mqtt311_gets_a_plain_puback_for_a_partly_refused_message_and_the_refusal_shows_on_health()
    {
        const string own = "so-noi-vu";
        var before = RefusedOf(await mqtt.HealthMqttAsync(), own);
        var client = await mqtt.ClientAsync(own, MqttProtocolVersion.V311);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("ioc/anything/influx")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithPayload(Encoding.UTF8.GetBytes("mqtt_v311 value=1\nmqtt_v311 value=\n")).Build());
        Assert.True(result.IsSuccess);
        await client.DisconnectAsync();

        await mqtt.AwaitCountsAsync("mqtt_v311", new Dictionary<string, long> { [own] = 1 });
        await Await.UntilAsync(mqtt.HealthMqttAsync, h => RefusedOf(h, own) >= before + 1, "the refused line on /health");
    }

    private static long RefusedOf(JsonElement mqtt, string department) =>
        mqtt.GetProperty("refusedByDepartment").TryGetProperty(department, out var n) ? n.GetInt64() : 0;
}
