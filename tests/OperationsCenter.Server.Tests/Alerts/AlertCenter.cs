using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// The center as its own process with its own redis-server and influxd and a rules folder, for tests of what alert
/// state survives: a restart (SIGTERM or SIGKILL), a Redis stall, a rule edit. Everything is read as people and their
/// tools read it: the API, the hub's snapshot, <c>/health</c>.
/// </summary>
internal sealed class AlertCenter : IAsyncDisposable
{
    private AlertCenter(RedisProcess redis, InfluxProcess influx, RulesFolder rules, CenterProcess center)
    {
        Redis = redis;
        Influx = influx;
        Rules = rules;
        Center = center;
    }

    public RedisProcess Redis { get; }

    public InfluxProcess Influx { get; }

    public RulesFolder Rules { get; }

    public CenterProcess Center { get; }

    /// <summary>Starts Redis, InfluxDB and the center with <paramref name="rulesYaml"/> as <c>rules.yaml</c>.</summary>
    public static async Task<AlertCenter> StartAsync(string rulesYaml, IDictionary<string, string?>? more = null)
    {
        var redis = await RedisProcess.StartAsync();
        var influx = await InfluxProcess.StartAsync();
        var rules = await RulesFolder.CreateAsync("rules.yaml", rulesYaml);
        var settings = InfluxCenter.Settings(influx, rules.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:Storage"] = "Redis",
            ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
            ["OperationsCenter:Alerts:Reminders:Period"] = "00:00:02",
        }));
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new AlertCenter(redis, influx, rules, await CenterProcess.StartAsync(settings));
    }

    /// <summary>Stops the center with SIGTERM or SIGKILL and starts it again on the same data and Redis.</summary>
    public async Task RestartAsync(string signal)
    {
        await Center.StopAsync(signal);
        await Center.StartAgainAsync();
    }

    public async Task WriteAsync(string department, string lines)
    {
        using var client = Center.CreateClient();
        await IngestClient.WriteLinesAsync(client, department, lines);
    }

    /// <summary><c>GET /api/v1/alerts</c> with <paramref name="query"/>, as an operator.</summary>
    public async Task<JsonElement[]> AlertsAsync(string query = "")
    {
        using var client = await Center.CreateClientAsync(TestUsers.Operator);
        return [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts" + query)).EnumerateArray()];
    }

    /// <summary>Polls the alert list until <paramref name="done"/> holds.</summary>
    public Task<JsonElement[]> AwaitAlertsAsync(Func<JsonElement[], bool> done, string expected, TimeSpan? timeout = null) =>
        Await.UntilAsync(() => AlertsAsync(), done, expected, timeout ?? TimeSpan.FromSeconds(20));

    /// <summary>The alerts of a hub snapshot, as a wall gets them on connecting.</summary>
    public async Task<JsonElement[]> SnapshotAlertsAsync() => [.. (await SnapshotAsync()).GetProperty("alerts").EnumerateArray()];

    /// <summary>The hub snapshot a wall gets on connecting.</summary>
    public async Task<JsonElement> SnapshotAsync()
    {
        var snapshot = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var wall = await Center.WallConnectionAsync(TestUsers.Operator);
        wall.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        await wall.StartAsync();
        return await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Acknowledges (or gives back) as <paramref name="user"/>; the response as it came.</summary>
    public async Task<HttpResponseMessage> AcknowledgeAsync(string fingerprint, TestUser user, string? note, bool take = true)
    {
        using var client = await Center.CreateClientAsync(user);
        return await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/{(take ? "ack" : "unack")}", new { note });
    }

    /// <summary><c>GET /api/v1/alerts/history</c> with <paramref name="query"/>.</summary>
    public async Task<JsonElement[]> HistoryAsync(string query)
    {
        using var client = await Center.CreateClientAsync(TestUsers.Operator);
        using var response = await client.GetAsync("/api/v1/alerts/history" + query);
        return response.StatusCode == HttpStatusCode.OK ? [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()] : [];
    }

    /// <summary>Polls the history until <paramref name="done"/> holds (rows reach InfluxDB through the spool).</summary>
    public Task<JsonElement[]> AwaitHistoryAsync(string query, Func<JsonElement[], bool> done, string expected) =>
        Await.UntilAsync(() => HistoryAsync(query), done, expected, TimeSpan.FromSeconds(30));

    /// <summary><c>/health</c>'s status code and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync()
    {
        using var client = Center.CreateClient();
        return await Health.ReadWithStatusAsync(client);
    }

    public static string Rule(JsonElement alert) => alert.GetProperty("ruleName").GetString()!;

    public static string State(JsonElement alert) => alert.GetProperty("state").GetString()!;

    public static string Fingerprint(JsonElement alert) => alert.GetProperty("fingerprint").GetString()!;

    /// <summary>What must not change across a restart: state, acknowledgement, note, since when.</summary>
    public static string Essence(JsonElement alert) => string.Join("|",
        Rule(alert), State(alert), Text(alert, "acknowledgedBy"), Text(alert, "note"), Text(alert, "startsAt"), Text(alert, "firingSince"));

    private static string Text(JsonElement alert, string name) =>
        alert.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Center.DisposeAsync();
        await Influx.DisposeAsync();
        await Redis.DisposeAsync();
        Rules.Dispose();
    }
}
