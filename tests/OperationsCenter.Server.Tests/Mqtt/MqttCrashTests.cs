using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>A PUBACK is the promise of a 204: every acknowledged point survives a SIGKILL of the server.</summary>
public sealed class MqttCrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Every_point_acknowledged_at_qos1_survives_a_sigkill(MqttProtocolVersion version)
    {
        await using var mqtt = await MqttCenter.StartAsync();
        var measurement = $"mqtt_crash_{version}".ToLowerInvariant();
        var baseNanos = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds() * 1_000_000;
        var acknowledged = new ConcurrentBag<long>();
        var next = -1L;
        const int linesPerMessage = 10;

        // Four publishers at once, so the kill lands among messages in flight and spool records not yet shipped.
        var stop = new CancellationTokenSource();
        var publishers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => mqtt.ClientAsync("so-noi-vu", version)));
        var loops = publishers.Select(async client =>
        {
            while (!stop.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref next, linesPerMessage) - linesPerMessage + 1;
                var lines = string.Join('\n', Enumerable.Range(0, linesPerMessage).Select(i => $"{measurement} value={first + i}i {baseNanos + first + i}"));
                try
                {
                    var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("ioc/so-noi-vu/influx")
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithPayload(lines).Build());
                    if (result.IsSuccess)
                    {
                        for (var i = 0; i < linesPerMessage; i++)
                        {
                            acknowledged.Add(first + i);
                        }
                    }
                }
                catch (Exception)
                {
                    return; // the server is gone: this message was never acknowledged
                }
            }
        }).ToList();

        await Await.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 3000, "3000 acknowledged points before the kill");
        await mqtt.Center.KillAsync();
        stop.Cancel();
        await Task.WhenAll(loops);
        var acked = acknowledged.ToHashSet();

        await mqtt.Center.StartAgainAsync();
        var stored = await Await.UntilAsync(() => StoredValuesAsync(mqtt, measurement), values => acked.IsSubsetOf(values),
            $"all {acked.Count} acknowledged points in InfluxDB", TimeSpan.FromSeconds(60));
        Assert.True(stored.Count <= next + 1, $"more points stored ({stored.Count}) than ever sent ({next + 1})");
        output.WriteLine($"{version}: {acked.Count} points acknowledged before the SIGKILL, {next + 1} sent, {stored.Count} in InfluxDB after the restart");
        foreach (var client in publishers)
        {
            client.Dispose();
        }
    }

    private static async Task<HashSet<long>> StoredValuesAsync(MqttCenter mqtt, string measurement)
    {
        try
        {
            var series = await mqtt.Influx.Query(InfluxCenter.Database).QueryAsync($"SELECT \"value\" FROM \"{measurement}\"", CancellationToken.None);
            return [.. series.SelectMany(s => s.Values).Select(row => row[1].GetInt64())];
        }
        catch (Exception)
        {
            return [];
        }
    }
}
