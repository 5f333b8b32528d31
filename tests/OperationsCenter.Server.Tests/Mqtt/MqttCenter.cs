using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>
/// The center as its own process with a real influxd, its MQTT endpoint on a free loopback port. Tests publish with
/// mosquitto_pub or an MQTTnet client and read what people read: InfluxDB, the live-state API, <c>/health</c>.
/// </summary>
public sealed class MqttCenter : IAsyncLifetime, IAsyncDisposable
{
    public InfluxProcess Influx { get; private set; } = null!;

    public CenterProcess Center { get; private set; } = null!;

    /// <summary>The MQTT port the center was given.</summary>
    public int MqttPort { get; private set; }

    private IDictionary<string, string?>? _more;

    /// <summary>
    /// Starts influxd and the center with MQTT on a free port (a second choice if the first was taken meanwhile);
    /// <paramref name="more"/> settings on top. Without influxd the center's InfluxDB is a port nobody listens on.
    /// </summary>
    public static async Task<MqttCenter> StartAsync(IDictionary<string, string?>? more = null, bool withInflux = true)
    {
        var center = new MqttCenter { _more = more, _withInflux = withInflux };
        await center.InitializeAsync();
        return center;
    }

    private bool _withInflux = true;

    public async Task InitializeAsync()
    {
        Influx = _withInflux ? await InfluxProcess.StartAsync() : null!;
        for (var attempt = 1; ; attempt++)
        {
            MqttPort = FreePort.Next();
            var settings = new Dictionary<string, string?> { ["OperationsCenter:Mqtt:Port"] = MqttPort.ToString() };
            foreach (var (key, value) in _more ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            try
            {
                Center = await CenterProcess.StartAsync(_withInflux ? InfluxCenter.Settings(Influx, settings) : settings);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("MQTT endpoint could not listen", StringComparison.Ordinal))
            {
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Center is not null)
        {
            await Center.DisposeAsync();
        }

        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>An MQTTnet client connected with <paramref name="department"/>'s key.</summary>
    public async Task<IMqttClient> ClientAsync(string department, MqttProtocolVersion version)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", MqttPort)
            .WithProtocolVersion(version)
            .WithCredentials("telegraf", TestDepartments.KeyFor(department))
            .WithClientId($"test-{Guid.NewGuid():N}")
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        await client.ConnectAsync(options);
        return client;
    }

    /// <summary>Point counts of <paramref name="measurement"/> in InfluxDB per <c>department</c> tag.</summary>
    public async Task<Dictionary<string, long>> CountByDepartmentAsync(string measurement, string field = "value")
    {
        try
        {
            var series = await Influx.Query(InfluxCenter.Database)
                .QueryAsync($"SELECT count(\"{field}\") FROM \"{measurement}\" GROUP BY \"department\"", CancellationToken.None);
            return series.ToDictionary(
                s => s.Tags.TryGetValue("department", out var d) ? d : "",
                s => s.Values.Sum(row => row[1].TryGetInt64(out var n) ? n : 0));
        }
        catch (Exception)
        {
            // The database exists once the first batch is shipped.
            return [];
        }
    }

    /// <summary>Polls InfluxDB until <paramref name="measurement"/> holds exactly <paramref name="expected"/> per department.</summary>
    public Task<Dictionary<string, long>> AwaitCountsAsync(string measurement, IReadOnlyDictionary<string, long> expected) =>
        Await.UntilAsync(() => CountByDepartmentAsync(measurement),
            counts => counts.Count == expected.Count && expected.All(e => counts.TryGetValue(e.Key, out var n) && n == e.Value),
            $"{measurement} in InfluxDB: {string.Join(", ", expected.Select(e => $"{e.Key}={e.Value}"))}", TimeSpan.FromSeconds(30));

    /// <summary>Polls the live-state API until <paramref name="measurement"/> has <paramref name="count"/> series.</summary>
    public async Task<JsonElement[]> AwaitLiveSeriesAsync(string measurement, int count)
    {
        using var client = await Center.CreateClientAsync(TestUsers.Operator);
        return await Await.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/series?measurement={measurement}")).EnumerateArray().ToArray(),
            series => series.Length == count, $"{count} live series of {measurement}");
    }

    /// <summary><c>/health</c>'s <c>mqtt</c> entry, as a monitor reads it (no sign-in).</summary>
    public async Task<JsonElement> HealthMqttAsync()
    {
        using var client = Center.CreateClient();
        return (await Health.ReadAsync(client)).GetProperty("mqtt");
    }
}
