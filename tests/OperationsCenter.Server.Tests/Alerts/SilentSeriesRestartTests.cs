using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>A series that goes silent and stays silent across a restart still fires its deadman: a stored reminder wakes it.</summary>
public sealed class SilentSeriesRestartTests
{
    private const string Rules = """
        rules:
          - name: meter-silent
            kind: deadman
            match: { measurement: t_meter, tags: { meter: "m1" } }
            silence: 4s
            scope: series
            severity: warning
            owner: so-noi-vu
            title: { vi: "Công tơ im lặng", en: "Meter silent" }
            description: { vi: "Không có số liệu", en: "No readings" }
        """;

    [Fact]
    public async Task A_series_silent_across_a_restart_fires_its_deadman_without_any_new_point()
    {
        await using var redis = await RedisProcess.StartAsync();
        using var rules = await RulesFolder.CreateAsync("meter.yaml", Rules);
        await using var host = await CenterHost.StartAsync(rules.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:Storage"] = "Redis",
            ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
            ["OperationsCenter:Alerts:Reminders:Period"] = "00:00:02",
        }));
        await host.WriteLinesAsync("phuong-tan-phong", "t_meter,meter=m1 kwh=10");
        await LiveState.AwaitSeriesAsync(host, "t_meter", s => LiveState.Field(s, "kwh") == 10, "the reading in live state");

        await host.RestartAsync();

        using var client = await host.CreateClientAsync(TestUsers.Operator);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement alerts = default;
        while (DateTime.UtcNow < deadline)
        {
            alerts = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=firing");
            if (alerts.EnumerateArray().Any(a => a.GetProperty("ruleName").GetString() == "meter-silent"))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"the deadman of the silent meter never fired after the restart; alerts: {alerts}");
    }
}
