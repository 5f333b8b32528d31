using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Admin;

/// <summary>
/// <c>POST /api/v1/rules/dry-run</c>: a rule file judged against live state says which series would fire with their
/// values, and changes nothing (no alert, no file); a file with an error is refused with the error's line.
/// </summary>
public sealed class RuleDryRunTests
{
    private const string Rules = """
        rules:
          - name: dry-overdue-high
            kind: threshold
            severity: critical
            match: { measurement: t_dry, field: overdue }
            above: 10
            owner: so-noi-vu
            title: { vi: "Quá hạn {value}", en: "Overdue {value}" }
            description: { vi: "Kiểm tra", en: "Check" }
        """;

    [Fact]
    public async Task A_dry_run_shows_what_would_fire_now_with_values_and_stores_nothing()
    {
        using var rules = await RulesFolder.CreateAsync("base.yaml", "rules: []\n");
        await using var host = await CenterHost.StartAsync(rules.Settings());
        await host.WriteLinesAsync("so-noi-vu", "t_dry,desk=a overdue=25i\nt_dry,desk=b overdue=3i");
        await host.WriteLinesAsync("xa-ban-bo", "t_dry,desk=c overdue=12i");
        using var admin = await host.CreateClientAsync(TestUsers.Admin);

        var result = await Await.UntilAsync(
            async () =>
            {
                using var response = await admin.PostAsync("/api/v1/rules/dry-run?file=dry.yaml", new StringContent(Rules, Encoding.UTF8, "application/yaml"));
                Assert.True(response.IsSuccessStatusCode, $"expected 200 from the dry run, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            },
            r => r.GetProperty("rules")[0].GetProperty("evaluated").GetInt32() == 3,
            "the dry run to judge the three t_dry series");
        var rule = result.GetProperty("rules")[0];
        Assert.Equal("dry-overdue-high", rule.GetProperty("name").GetString());
        var breached = rule.GetProperty("breached").EnumerateArray().Select(h => (h.GetProperty("department").GetString(), h.GetProperty("value").GetDouble())).ToList();
        Assert.Equal([("so-noi-vu", 25.0), ("xa-ban-bo", 12.0)], breached);
        Assert.Equal("Quá hạn 25", rule.GetProperty("breached")[0].GetProperty("titleVi").GetString());

        // Nothing happened: no alert, no file, the rules in force unchanged.
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/rules")).GetProperty("rules").EnumerateArray());
        Assert.False(File.Exists(Path.Combine(rules.Path, "dry.yaml")));
        using var supervisor = await host.CreateClientAsync(TestUsers.Supervisor);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray());

        // An error is refused with its line, for the editor to mark.
        using var bad = await admin.PostAsync("/api/v1/rules/dry-run?file=dry.yaml", new StringContent(Rules.Replace("above: 10", "above: lots"), Encoding.UTF8));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var detail = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details")[0];
        Assert.Equal(6, detail.GetProperty("line").GetInt64());
        Assert.Equal("above", detail.GetProperty("field").GetString());
    }
}
