using System.Net;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// Redis frozen (SIGSTOP) during an acknowledgement: <c>/health</c> says so with a 503, the acknowledgement is either
/// refused with a 503 or kept, and once Redis answers the stored state equals the live state, later changes included:
/// proven by killing the server and reading what comes back.
/// </summary>
public sealed class AlertStorageStallTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Rule = """
        rules:
          - name: link-down
            kind: threshold
            match: { measurement: t_stall, field: up }
            below: 1
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất kết nối", en: "Link down" }
            description: { vi: "Mất kết nối", en: "Link down" }
        """;

    [Fact]
    public async Task A_redis_stall_during_an_acknowledgement_converges_and_health_answers_503_meanwhile()
    {
        await using var center = await AlertCenter.StartAsync(Rule);
        await center.WriteAsync("phuong-tan-phong", "t_stall,link=wan up=0i");
        var fingerprint = AlertCenter.Fingerprint((await center.AwaitAlertsAsync(
            l => l.Any(a => AlertCenter.Rule(a) == "link-down" && AlertCenter.State(a) == "firing"), "link-down firing")).Single());
        await Await.UntilAsync(center.HealthAsync, h => h.Status == HttpStatusCode.OK, "/health 200 before the stall");

        center.Redis.Freeze();
        HttpResponseMessage ack;
        try
        {
            var acknowledging = center.AcknowledgeAsync(fingerprint, TestUsers.Operator, "đang kiểm tra");
            var frozen = await Await.UntilAsync(center.HealthAsync, h => h.Status == HttpStatusCode.ServiceUnavailable, "/health 503 while Redis is frozen");
            Assert.Equal("degraded", frozen.Body.GetProperty("status").GetString());
            Assert.False(frozen.Body.GetProperty("alertStorage").GetProperty("reachable").GetBoolean());
            await Task.Delay(TimeSpan.FromSeconds(5));
            center.Redis.Thaw();
            ack = await acknowledging;
        }
        finally
        {
            center.Redis.Thaw();
        }

        // Refused and said why, or done: either way what the list shows is what storage will hold.
        using (ack)
        {
            Assert.True(ack.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"acknowledgement answered {ack.StatusCode}");
            if (ack.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Contains("try again", await ack.Content.ReadAsStringAsync());
            }
        }

        var expected = ack.StatusCode == HttpStatusCode.OK ? "acknowledged" : "firing";
        output.WriteLine($"acknowledgement during the stall answered {(int)ack.StatusCode}; the alert is {expected}");
        var health = await Await.UntilAsync(center.HealthAsync, h => h.Status == HttpStatusCode.OK, "/health 200 within 10 s of Redis answering", TimeSpan.FromSeconds(10));
        Assert.Equal(0, health.Body.GetProperty("alertStorage").GetProperty("unstoredAlerts").GetInt32());
        await AssertStoredAsync(center, fingerprint, expected);

        // A later change is stored too.
        await center.WriteAsync("phuong-tan-phong", "t_stall,link=wan up=1i");
        await center.AwaitAlertsAsync(l => l.Any(a => AlertCenter.Fingerprint(a) == fingerprint && AlertCenter.State(a) == "resolved"), "the alert resolved");
        await AssertStoredAsync(center, fingerprint, "resolved");
    }

    /// <summary>What storage holds is what a killed and restarted center lists.</summary>
    private static async Task AssertStoredAsync(AlertCenter center, string fingerprint, string state)
    {
        var live = (await center.AlertsAsync()).Single(a => AlertCenter.Fingerprint(a) == fingerprint);
        Assert.Equal(state, AlertCenter.State(live));
        await center.RestartAsync("KILL");
        var stored = (await center.AlertsAsync()).Single(a => AlertCenter.Fingerprint(a) == fingerprint);
        Assert.Equal(AlertCenter.Essence(live), AlertCenter.Essence(stored));
    }
}
