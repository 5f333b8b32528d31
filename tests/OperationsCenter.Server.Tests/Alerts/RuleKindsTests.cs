using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>Window, rate and ratio rules fire and resolve on points written over HTTP, seen on the wall's hub.</summary>
public sealed class RuleKindsTests : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - name: latency-avg-high
            kind: window
            match: { measurement: t_kind_net, field: latency_ms }
            aggregate: avg
            window: 1m
            above: 50
            clear: 30
            severity: warning
            owner: so-noi-vu
            title: { vi: "Trễ trung bình {value} ms", en: "Average latency {value} ms" }
            description: { vi: "Trễ cao", en: "Latency high" }
          - name: overdue-rising
            kind: rate
            match: { measurement: t_kind_dossiers, field: overdue }
            window: 5m
            mode: absolute
            above: 5
            clear: 1
            severity: warning
            owner: trung-tam-phvhcc
            title: { vi: "Quá hạn tăng {value}", en: "Overdue up {value}" }
            description: { vi: "Quá hạn tăng", en: "Overdue rising" }
          - name: on-time-low
            kind: ratio
            match: { measurement: t_kind_dossiers }
            numerator: on_time
            denominator: resolved
            below: 0.8
            clear: 0.85
            severity: info
            owner: trung-tam-phvhcc
            title: { vi: "Đúng hạn {value}", en: "On time {value}" }
            description: { vi: "Tỷ lệ thấp", en: "Ratio low" }
        """;

    private RulesFolder _rules = null!;
    private readonly ConcurrentQueue<JsonElement> _alerts = new();
    private CenterHost _host = null!;
    private HubConnection _wall = null!;

    public async Task InitializeAsync()
    {
        _rules = await RulesFolder.CreateAsync("kinds.yaml", Rules);
        _host = await CenterHost.StartAsync(_rules.Settings());
        _wall = await _host.WallConnectionAsync(TestUsers.Operator);
        _wall.On<JsonElement[]>("alertsUpdated", batch => Array.ForEach(batch, _alerts.Enqueue));
        await _wall.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _wall.DisposeAsync();
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task A_window_average_fires_and_resolves_as_the_window_fills()
    {
        await _host.WriteLinesAsync("xa-ban-bo", "t_kind_net,link=a latency_ms=80\nt_kind_net,link=a latency_ms=70");
        await AwaitStateAsync("latency-avg-high", "firing");

        // (80 + 70 + 4 × 5) / 6 ≈ 28, below the clear point of 30.
        await _host.WriteLinesAsync("xa-ban-bo", "t_kind_net,link=a latency_ms=5\nt_kind_net,link=a latency_ms=5\nt_kind_net,link=a latency_ms=5\nt_kind_net,link=a latency_ms=5");
        await AwaitStateAsync("latency-avg-high", "resolved");
    }

    [Fact]
    public async Task A_rate_of_change_fires_on_a_rise_and_resolves_when_it_flattens()
    {
        var now = DateTimeOffset.UtcNow;
        long Ns(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks * 100;
        await _host.WriteLinesAsync("xa-ban-bo", $"t_kind_dossiers,desk=r overdue=2i {Ns(now.AddSeconds(-40))}\nt_kind_dossiers,desk=r overdue=12i {Ns(now)}");
        var firing = await AwaitStateAsync("overdue-rising", "firing");
        Assert.Equal(10, firing.GetProperty("value").GetDouble());

        // Back down to where it started: no net change over the window, past the clear point.
        await _host.WriteLinesAsync("xa-ban-bo", $"t_kind_dossiers,desk=r overdue=2i {Ns(now.AddSeconds(1))}");
        var resolved = await AwaitStateAsync("overdue-rising", "resolved");
        Assert.Equal(0, resolved.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_ratio_of_two_fields_fires_below_and_resolves_past_its_clear_point()
    {
        await _host.WriteLinesAsync("xa-ban-bo", "t_kind_dossiers,desk=q resolved=10i,on_time=5i");
        var firing = await AwaitStateAsync("on-time-low", "firing");
        Assert.Equal(0.5, firing.GetProperty("value").GetDouble());

        await _host.WriteLinesAsync("xa-ban-bo", "t_kind_dossiers,desk=q resolved=10i,on_time=9i");
        var resolved = await AwaitStateAsync("on-time-low", "resolved");
        Assert.Equal(0.9, resolved.GetProperty("value").GetDouble());
    }

    private async Task<JsonElement> AwaitStateAsync(string rule, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_alerts.FirstOrDefault(a => a.GetProperty("ruleName").GetString() == rule && a.GetProperty("state").GetString() == state) is
                { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"no '{state}' alert for {rule} within 10 s; seen: " +
            string.Join(", ", _alerts.Select(a => $"{a.GetProperty("ruleName").GetString()}/{a.GetProperty("state").GetString()}/{a.GetProperty("value")}")));
    }
}
