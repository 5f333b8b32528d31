using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// Alerts in every state survive a real restart of the server process (SIGTERM and SIGKILL) on the same Redis and data:
/// listed unchanged before any new point, resolved by clearing values, and leaders are not paged after that.
/// </summary>
public sealed class AlertProcessRestartTests
{
    private const string Rules = """
        rules:
          - name: r-pending
            kind: threshold
            match: { measurement: t_restart, field: p }
            above: 10
            for: 1h
            severity: warning
            owner: so-noi-vu
            title: { vi: "P {value}", en: "P {value}" }
            description: { vi: "p", en: "p" }
          - name: r-firing
            kind: threshold
            match: { measurement: t_restart, field: f }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "F {value}", en: "F {value}" }
            description: { vi: "f", en: "f" }
          - name: r-acked
            kind: threshold
            match: { measurement: t_restart, field: a }
            above: 10
            severity: critical
            owner: so-noi-vu
            title: { vi: "A {value}", en: "A {value}" }
            description: { vi: "a", en: "a" }
          - name: r-escalating
            kind: threshold
            match: { measurement: t_restart, field: e }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "E {value}", en: "E {value}" }
            description: { vi: "e", en: "e" }
            escalate_after: 1s
            repeat_interval: 2s
        """;

    private static readonly string[] RuleNames = ["r-pending", "r-firing", "r-acked", "r-escalating"];

    // On a loaded machine this once caught the silo waking alerts before the rules were loaded (an escalating alert then
    // dropped its reminder): the rules now load before any hosted service starts.
    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Alerts_in_every_state_are_listed_unchanged_after_a_restart_and_resolve_when_values_clear(string signal)
    {
        await using var center = await AlertCenter.StartAsync(Rules);
        await center.WriteAsync("xa-ban-bo", "t_restart,link=wan p=50,f=50,a=50,e=50");
        var open = await center.AwaitAlertsAsync(
            list => list.Count(a => AlertCenter.State(a) is "pending" or "firing") == 4, "the four alerts, one pending and three firing");
        var acked = open.Single(a => AlertCenter.Rule(a) == "r-acked");
        using (var ack = await center.AcknowledgeAsync(AlertCenter.Fingerprint(acked), TestUsers.Operator, "đã gọi trạm viễn thông"))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        // The escalating one reaches leaders before the restart.
        await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Rule(a) == "r-escalating" && a.GetProperty("leadersNotifiedAt").ValueKind == JsonValueKind.String),
            "the escalating alert to be escalated to leaders");
        var before = (await center.AlertsAsync()).ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence);
        Assert.Equal(["acknowledged", "firing", "firing", "pending"], (await center.AlertsAsync()).Select(AlertCenter.State).Order());

        await center.RestartAsync(signal);

        // Right after /ping answers, before any new point: the API and a wall's snapshot list each alert as it was.
        var listed = await center.AlertsAsync();
        Assert.Equal(before, listed.ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence));
        var snapshot = await center.SnapshotAlertsAsync();
        Assert.Equal(before, snapshot.ToDictionary(AlertCenter.Fingerprint, AlertCenter.Essence));

        var notices = new ConcurrentQueue<(DateTime At, string Kind)>();
        await using var leader = await center.Center.WallConnectionAsync(TestUsers.Leader);
        leader.On<JsonElement>("leaderNotice", n => notices.Enqueue((DateTime.UtcNow, n.GetProperty("kind").GetString()!)));
        await leader.StartAsync();

        // The escalating alert was still open: its stored reminder wakes it and leaders keep hearing of it. The reminder
        // service reads its table once the silo has started: seconds here, longer on a CI machine running every test
        // project at once (one run there took over 10 s).
        await Await.UntilAsync(() => Task.FromResult(notices.Any(n => n.Kind == "repeat")), any => any, "a repeat notice of the escalating alert after the restart",
            TimeSpan.FromSeconds(30));

        await center.WriteAsync("xa-ban-bo", "t_restart,link=wan p=1,f=1,a=1,e=1");
        // Typically well under a second; the deadline leaves room for a CI machine running every test project at once.
        await center.AwaitAlertsAsync(list => list.Where(a => RuleNames.Contains(AlertCenter.Rule(a))).All(a => AlertCenter.State(a) == "resolved"),
            "every alert resolved within seconds of the clearing values", TimeSpan.FromSeconds(5));
        var resolvedAt = DateTime.UtcNow;

        foreach (var fingerprint in before.Keys)
        {
            await center.AwaitHistoryAsync($"?fingerprint={fingerprint}", rows => rows.Any(r => r.GetProperty("state").GetString() == "resolved"),
                $"a resolved row in the history of {fingerprint}");
        }

        // Leaders hear nothing but its resolution once it ended, over two repeat intervals (a push already on its way aside).
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.DoesNotContain(notices, n => n.At > resolvedAt.AddMilliseconds(500) && n.Kind != "resolved");
        Assert.Contains(notices, n => n.Kind == "resolved");
    }

    [Fact]
    public async Task A_pending_alert_fires_after_its_for_across_a_sigkill_without_any_new_point()
    {
        await using var center = await AlertCenter.StartAsync(Rules.Replace("for: 1h", "for: 4s", StringComparison.Ordinal));
        await center.WriteAsync("xa-ban-bo", "t_restart,link=wan p=50");
        var pending = (await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Rule(a) == "r-pending"), "r-pending pending"))
            .Single(a => AlertCenter.Rule(a) == "r-pending");
        Assert.Equal("pending", AlertCenter.State(pending));

        // Killed while pending: the breach and when it began are stored, so the alert's own timer finishes the wait.
        await center.RestartAsync("KILL");
        var fired = (await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Rule(a) == "r-pending" && AlertCenter.State(a) == "firing"),
            "r-pending firing once its 4 s have passed, with no new point")).Single(a => AlertCenter.Rule(a) == "r-pending");
        Assert.Equal(pending.GetProperty("startsAt").GetDateTimeOffset(), fired.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_rule_removed_while_the_center_was_stopped_resolves_its_alerts_with_the_note_at_start()
    {
        await using var center = await AlertCenter.StartAsync(Rules);
        await center.WriteAsync("xa-ban-bo", "t_restart,link=wan f=50");
        var firing = (await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Rule(a) == "r-firing" && AlertCenter.State(a) == "firing"), "r-firing to fire"))
            .Single(a => AlertCenter.Rule(a) == "r-firing");

        await center.Center.StopAsync("TERM");
        await File.WriteAllTextAsync(Path.Combine(center.Rules.Path, "rules.yaml"), Rules.Replace("r-firing", "r-firing-renamed", StringComparison.Ordinal));
        await center.Center.StartAgainAsync();

        var resolved = (await center.AwaitAlertsAsync(list => list.Any(a => AlertCenter.Fingerprint(a) == AlertCenter.Fingerprint(firing) && AlertCenter.State(a) == "resolved"),
            "the alert of the removed rule resolved")).Single(a => AlertCenter.Fingerprint(a) == AlertCenter.Fingerprint(firing));
        Assert.Equal("rule removed", resolved.GetProperty("resolution").GetString());
        await center.AwaitHistoryAsync($"?fingerprint={AlertCenter.Fingerprint(firing)}",
            rows => rows.Any(r => r.GetProperty("state").GetString() == "resolved" && r.GetProperty("note").GetString() == "rule removed"),
            "a resolved history row noting the rule was removed");
    }
}
