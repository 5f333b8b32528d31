using System.Net;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// Editing a rule re-evaluates its open alerts against the current values; deleting it resolves them with the note
/// "rule removed" and the administrator who did it. Nothing is stranded by the edit's timing.
/// </summary>
public sealed class RuleEditTests
{
    private const string Rule = """
        rules:
          - name: backlog-high
            kind: threshold
            match: { measurement: t_edit, field: backlog }
            above: 10
            clear: 5
            for: 0s
            severity: warning
            owner: so-noi-vu
            title: { vi: "Tồn đọng {value}", en: "Backlog {value}" }
            description: { vi: "Tồn đọng cao", en: "Backlog high" }
        """;

    [Fact]
    public async Task A_for_changed_while_firing_then_the_value_cleared_within_300_ms_resolves()
    {
        await using var center = await AlertCenter.StartAsync(Rule);
        var fingerprint = await FireAsync(center);

        await PutRulesAsync(center, Rule.Replace("for: 0s", "for: 2s", StringComparison.Ordinal));
        await center.WriteAsync("xa-ban-bo", "t_edit,desk=a backlog=1");

        await AwaitStateAsync(center, fingerprint, "resolved", "the alert resolved by the clearing value sent right after the edit");
    }

    [Fact]
    public async Task A_value_between_clear_and_threshold_during_an_edit_then_cleared_resolves()
    {
        await using var center = await AlertCenter.StartAsync(Rule);
        var fingerprint = await FireAsync(center);
        await center.WriteAsync("xa-ban-bo", "t_edit,desk=a backlog=7");

        await PutRulesAsync(center, Rule.Replace("above: 10", "above: 20", StringComparison.Ordinal).Replace("for: 0s", "for: 1s", StringComparison.Ordinal));

        // 7 is still between the new threshold and the clear point: the alert goes on firing.
        Assert.Equal("firing", AlertCenter.State((await center.AlertsAsync()).Single(a => AlertCenter.Fingerprint(a) == fingerprint)));
        await center.WriteAsync("xa-ban-bo", "t_edit,desk=a backlog=2");
        await AwaitStateAsync(center, fingerprint, "resolved", "the alert resolved once the value cleared after the edit");
    }

    [Fact]
    public async Task A_clear_point_edited_past_the_current_value_resolves_without_a_new_point()
    {
        await using var center = await AlertCenter.StartAsync(Rule);
        var fingerprint = await FireAsync(center);
        await center.WriteAsync("xa-ban-bo", "t_edit,desk=a backlog=7");

        await PutRulesAsync(center, Rule.Replace("clear: 5", "clear: 8", StringComparison.Ordinal));

        await AwaitStateAsync(center, fingerprint, "resolved", "the alert resolved: 7 is at the new clear point");
    }

    [Fact]
    public async Task A_rule_deleted_while_firing_resolves_its_alert_with_the_note_and_the_administrator()
    {
        await using var center = await AlertCenter.StartAsync(Rule);
        var fingerprint = await FireAsync(center);

        using var admin = await center.Center.CreateClientAsync(TestUsers.Admin);
        using (var deleted = await admin.DeleteAsync("/api/v1/rules/files/rules.yaml"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var resolved = await AwaitStateAsync(center, fingerprint, "resolved", "the alert of the deleted rule resolved");
        Assert.Equal("rule removed", resolved.GetProperty("resolution").GetString());
        var rows = await center.AwaitHistoryAsync($"?fingerprint={fingerprint}",
            rows => rows.Any(r => r.GetProperty("state").GetString() == "resolved"), "the resolution in history");
        var row = rows.First(r => r.GetProperty("state").GetString() == "resolved");
        Assert.Equal(("rule removed", TestUsers.Admin.Name), (row.GetProperty("note").GetString(), row.GetProperty("actor").GetString()));
    }

    private static async Task<string> FireAsync(AlertCenter center)
    {
        await center.WriteAsync("xa-ban-bo", "t_edit,desk=a backlog=50");
        var list = await center.AwaitAlertsAsync(l => l.Any(a => AlertCenter.Rule(a) == "backlog-high" && AlertCenter.State(a) == "firing"), "backlog-high firing");
        return AlertCenter.Fingerprint(list.Single(a => AlertCenter.Rule(a) == "backlog-high"));
    }

    private static async Task PutRulesAsync(AlertCenter center, string yaml)
    {
        using var admin = await center.Center.CreateClientAsync(TestUsers.Admin);
        using var put = await admin.PutAsync("/api/v1/rules/files/rules.yaml", new StringContent(yaml));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
    }

    private static async Task<System.Text.Json.JsonElement> AwaitStateAsync(AlertCenter center, string fingerprint, string state, string expected)
    {
        var list = await center.AwaitAlertsAsync(l => l.Any(a => AlertCenter.Fingerprint(a) == fingerprint && AlertCenter.State(a) == state), expected);
        return list.Single(a => AlertCenter.Fingerprint(a) == fingerprint);
    }
}
