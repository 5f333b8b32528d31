using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>Leaders get critical alerts at once and the others once unacknowledged past escalate_after, then repeats.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - name: backlog-high
            kind: threshold
            match: { measurement: t_esc, field: backlog }
            above: 10
            severity: warning
            owner: so-noi-vu
            title: { vi: "Tồn đọng {value}", en: "Backlog {value}" }
            description: { vi: "Tồn đọng cao", en: "Backlog high" }
            escalate_after: 2s
            repeat_interval: 2s
          - name: outage
            kind: threshold
            match: { measurement: t_esc, field: down }
            above: 0
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất dịch vụ", en: "Service down" }
            description: { vi: "Mất dịch vụ", en: "Service down" }
          - name: outage-backup
            kind: threshold
            match: { measurement: t_sil, field: backup_down }
            above: 0
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất dịch vụ dự phòng", en: "Backup down" }
            description: { vi: "Mất dịch vụ dự phòng", en: "Backup down" }
          - name: outage-main
            kind: threshold
            match: { measurement: t_sil, field: main_down }
            above: 0
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất dịch vụ chính", en: "Main down" }
            description: { vi: "Mất dịch vụ chính", en: "Main down" }
        """;

    private RulesFolder _rules = null!;
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        _rules = await RulesFolder.CreateAsync("esc.yaml", Rules);
        _host = await CenterHost.StartAsync(_rules.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task A_critical_alert_reaches_leaders_at_once_and_a_warning_only_once_escalated_then_repeated_until_acknowledged()
    {
        var notices = new ConcurrentQueue<JsonElement>();
        await using var leader = await _host.WallConnectionAsync(TestUsers.Leader);
        leader.On<JsonElement>("leaderNotice", notices.Enqueue);
        await leader.StartAsync();
        await using var operatorWall = await _host.WallConnectionAsync(TestUsers.Operator);
        var operatorNotices = 0;
        operatorWall.On<JsonElement>("leaderNotice", _ => Interlocked.Increment(ref operatorNotices));
        await operatorWall.StartAsync();

        await _host.WriteLinesAsync("xa-ban-bo", "t_esc,svc=a down=1i,backlog=50i");

        var critical = await AwaitAsync(notices, n => Rule(n) == "outage" && Kind(n) == "firing", "the critical alert at once");
        Assert.True(critical.GetProperty("toLeaders").GetBoolean());
        Assert.DoesNotContain(notices, n => Rule(n) == "backlog-high" && Kind(n) == "firing");

        var escalated = await AwaitAsync(notices, n => Rule(n) == "backlog-high" && Kind(n) == "escalated", "the warning escalated after 2 s");
        await AwaitAsync(notices, n => Rule(n) == "backlog-high" && Kind(n) == "repeat", "a repeat 2 s later");

        var fingerprint = escalated.GetProperty("alert").GetProperty("fingerprint").GetString();
        using var client = await _host.CreateClientAsync(TestUsers.Operator);
        using var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/ack", new { note = "đã xử lý" });
        ack.EnsureSuccessStatusCode();
        var repeatsAtAck = notices.Count(n => Rule(n) == "backlog-high" && Kind(n) == "repeat");
        await Task.Delay(TimeSpan.FromSeconds(4.5)); // two repeat intervals: proving an absence needs the time to pass
        Assert.Equal(repeatsAtAck, notices.Count(n => Rule(n) == "backlog-high" && Kind(n) == "repeat"));
        Assert.Equal(0, operatorNotices);
    }

    [Fact]
    public async Task A_silenced_alert_is_visible_and_marked_but_reaches_no_leader()
    {
        var notices = new ConcurrentQueue<JsonElement>();
        var alerts = new ConcurrentQueue<JsonElement>();
        await using var leader = await _host.WallConnectionAsync(TestUsers.Leader);
        leader.On<JsonElement>("leaderNotice", notices.Enqueue);
        leader.On<JsonElement[]>("alertsUpdated", batch => Array.ForEach(batch, alerts.Enqueue));
        await leader.StartAsync();

        using var client = await _host.CreateClientAsync(TestUsers.Admin);
        using var incomplete = await client.PostAsJsonAsync("/api/v1/silences", new { matchers = new { alertname = "outage-backup" } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("comment", await incomplete.Content.ReadAsStringAsync());
        using var created = await client.PostAsJsonAsync("/api/v1/silences", new
        {
            matchers = new { alertname = "outage-backup", department = "xa-*" },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(2),
            comment = "bảo trì máy chủ dự phòng",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        await _host.WriteLinesAsync("xa-ban-bo", "t_sil backup_down=1i");
        var silenced = await AwaitAsync(alerts, a => a.GetProperty("ruleName").GetString() == "outage-backup" && a.GetProperty("state").GetString() == "firing",
            "the silenced alert on the wall");
        Assert.True(silenced.GetProperty("silenced").GetBoolean(), "the wall must mark the alert silenced");

        // Barrier: an unsilenced critical alert fired afterwards reaches leaders; the silenced one must not have.
        await _host.WriteLinesAsync("xa-ban-bo", "t_sil main_down=1i");
        await AwaitAsync(notices, n => Rule(n) == "outage-main", "the unsilenced alert reaching leaders");
        Assert.DoesNotContain(notices, n => Rule(n) == "outage-backup");

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        var silence = listed.EnumerateArray().Single();
        Assert.Equal("active", silence.GetProperty("status").GetString());
        var id = silence.GetProperty("silence").GetProperty("id").GetString();
        using var ended = await client.DeleteAsync($"/api/v1/silences/{id}");
        Assert.Equal("expired", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var kept = await client.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        Assert.Equal(TestUsers.Admin.Name, kept[0].GetProperty("silence").GetProperty("createdBy").GetString());
        Assert.Equal(TestUsers.Admin.Name, kept[0].GetProperty("silence").GetProperty("deletedBy").GetString());
    }

    private static string? Rule(JsonElement notice) => notice.GetProperty("alert").GetProperty("ruleName").GetString();

    private static string? Kind(JsonElement notice) => notice.GetProperty("kind").GetString();

    private static async Task<JsonElement> AwaitAsync(ConcurrentQueue<JsonElement> notices, Func<JsonElement, bool> match, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (notices.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {expected}; leader notices: {string.Join(", ", notices.Select(n => $"{Rule(n)}/{Kind(n)}"))}");
    }
}
