using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>Rules from YAML files, evaluated on points written over HTTP, seen on the wall's hub.</summary>
public sealed class RuleAlertTests : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - name: uptime-low
            kind: threshold
            match: { measurement: t_rule_net, field: uptime_pct }
            below: 95
            clear: 97
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mạng yếu tại {department}: {value}%", en: "Network weak at {department}: {value}%" }
            description: { vi: "Tỉ lệ hoạt động {value}% dưới {threshold}%", en: "Uptime {value}% below {threshold}%" }
        """;

    private RulesFolder _rules = null!;
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        _rules = await RulesFolder.CreateAsync("net.yaml", Rules);
        _host = await CenterHost.StartAsync(_rules.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task A_breaking_point_is_an_alert_on_the_wall_within_a_second_and_a_recovered_value_resolves_it()
    {
        var alerts = new ConcurrentQueue<(TimeSpan At, JsonElement Alert)>();
        var clock = Stopwatch.StartNew();
        await using var wall = await _host.WallConnectionAsync(TestUsers.Operator);
        wall.On<JsonElement[]>("alertsUpdated", batch =>
        {
            foreach (var alert in batch)
            {
                alerts.Enqueue((clock.Elapsed, alert));
            }
        });
        await wall.StartAsync();

        await _host.WriteLinesAsync("xa-ban-bo", "t_rule_net,link=wan uptime_pct=99.5");
        var written = clock.Elapsed;
        await _host.WriteLinesAsync("xa-ban-bo", "t_rule_net,link=wan uptime_pct=80.5");
        var broken = clock.Elapsed;

        var firing = await AwaitAsync(alerts, a => a.GetProperty("state").GetString() == "firing", "a firing alert on the wall");
        Assert.True(firing.At - broken < TimeSpan.FromSeconds(1), $"the alert took {(firing.At - broken).TotalMilliseconds:F0} ms to reach the wall");
        Assert.DoesNotContain(alerts, a => a.At < broken && a.At >= written);
        Assert.Equal("critical", firing.Alert.GetProperty("severity").GetString());
        Assert.Equal("Mạng yếu tại xa-ban-bo: 80,5%", firing.Alert.GetProperty("titleVi").GetString());
        Assert.Equal("Network weak at xa-ban-bo: 80.5%", firing.Alert.GetProperty("titleEn").GetString());
        Assert.Equal("so-noi-vu", firing.Alert.GetProperty("owner").GetString());

        // What the value is measured against, enums as camel-case strings like the rest of the JSON.
        Assert.Equal("""{"kind":"threshold","operator":"below","threshold":95,"clear":97}""", firing.Alert.GetProperty("measure").GetRawText());

        // Hysteresis: back above the threshold but below the clear point keeps it firing.
        await _host.WriteLinesAsync("xa-ban-bo", "t_rule_net,link=wan uptime_pct=96");
        await _host.WriteLinesAsync("xa-ban-bo", "t_rule_net,link=wan uptime_pct=98");
        var resolved = await AwaitAsync(alerts, a => a.GetProperty("state").GetString() == "resolved", "the alert resolved");
        Assert.Equal(98, resolved.Alert.GetProperty("value").GetDouble());

        using var client = await _host.CreateClientAsync(TestUsers.Operator);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=resolved");
        var listedAlert = Assert.Single(listed.EnumerateArray(), a => a.GetProperty("ruleName").GetString() == "uptime-low");
        Assert.Equal("below", listedAlert.GetProperty("measure").GetProperty("operator").GetString());
        Assert.Equal(95, listedAlert.GetProperty("measure").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task A_broken_rule_file_keeps_the_last_good_rules_and_health_says_why()
    {
        using var client = await _host.CreateClientAsync(TestUsers.Admin);
        await File.WriteAllTextAsync(Path.Combine(_rules.Path, "broken.yaml"), "rules:\n  - name: bad\n    kind: threshold\n    match: { measurement: x, field: y }\n    above: lots\n");

        var health = await AwaitHealthAsync(client, h => h.GetProperty("rules").GetProperty("errors").GetArrayLength() > 0);
        var error = health.GetProperty("rules").GetProperty("errors")[0].GetString()!;
        Assert.Contains("broken.yaml", error);
        Assert.Contains("bad", error);
        var rules = await client.GetFromJsonAsync<JsonElement>("/api/v1/rules");
        Assert.Equal(["uptime-low"], rules.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        File.Delete(Path.Combine(_rules.Path, "broken.yaml"));
        await AwaitHealthAsync(client, h => h.GetProperty("rules").GetProperty("errors").GetArrayLength() == 0);
    }

    private static async Task<JsonElement> AwaitHealthAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement health;
        do
        {
            health = await Health.ReadAsync(client);
            if (done(health))
            {
                return health;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"/health never showed what was expected: {health.GetProperty("rules")}");
    }

    private static async Task<(TimeSpan At, JsonElement Alert)> AwaitAsync(
        ConcurrentQueue<(TimeSpan At, JsonElement Alert)> alerts, Func<JsonElement, bool> match, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var entry in alerts)
            {
                if (match(entry.Alert))
                {
                    return entry;
                }
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after 10 s waiting for {expected}; got {alerts.Count} alert pushes");
    }
}
