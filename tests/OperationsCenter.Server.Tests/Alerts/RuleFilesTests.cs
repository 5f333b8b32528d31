using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// Administrators change rules over HTTP: a good file is put in force, a bad one is refused with the loader's errors
/// and changes nothing, and each change is in the audit record (real influxd) with who made it.
/// </summary>
public sealed class RuleFilesTests : IAsyncLifetime
{
    private const string Network = """
        rules:
          - name: files-uptime-low
            kind: threshold
            severity: warning
            match: { measurement: t_files, field: uptime_pct }
            below: 90
            owner: so-noi-vu
            title: { vi: "Mạng yếu", en: "Network weak" }
            description: { vi: "Kiểm tra đường truyền", en: "Check the link" }
        """;

    private RulesFolder _rules = null!;
    private InfluxProcess _influx = null!;
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        _rules = await RulesFolder.CreateAsync("base.yaml", "rules: []\n");
        _influx = await InfluxProcess.StartAsync();
        _host = await CenterHost.StartAsync(InfluxCenter.Settings(_influx, _rules.Settings()));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _influx.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task A_rule_file_put_over_http_is_in_force_a_bad_one_is_refused_and_both_changes_are_audited()
    {
        using var admin = await _host.CreateClientAsync(TestUsers.Admin);

        using var put = await admin.PutAsync("/api/v1/rules/files/network.yaml", new StringContent(Network, Encoding.UTF8, "application/yaml"));
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, $"expected 204 for a good rule file, got {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        await AwaitAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/v1/rules")).GetProperty("rules").EnumerateArray()
            .Any(r => r.GetProperty("name").GetString() == "files-uptime-low"), "the new rule in force");

        using var bad = await admin.PutAsync("/api/v1/rules/files/broken.yaml",
            new StringContent("rules:\n  - name: files-uptime-low\n    kind: threshold\n    match: { measurement: x, field: y }\n    above: lots\n", Encoding.UTF8));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rejection = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("unchanged", rejection.GetProperty("error").GetString());
        Assert.Contains(rejection.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("broken.yaml"));
        Assert.False(File.Exists(Path.Combine(_rules.Path, "broken.yaml")), "a refused file must not be written");

        using var badName = await admin.PutAsync("/api/v1/rules/files/..%2Fescape.yaml", new StringContent(Network));
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);

        Assert.Equal(Network, await admin.GetStringAsync("/api/v1/rules/files/network.yaml"));
        using var deleted = await admin.DeleteAsync("/api/v1/rules/files/network.yaml");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var audit = await AwaitAsync(async () =>
        {
            using var response = await admin.GetAsync("/api/v1/audit");
            var entries = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode && entries.GetArrayLength() == 2 ? entries : (JsonElement?)null;
        }, "two audit entries (put and delete)");
        Assert.Equal(["rule.delete", "rule.put"], audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), e =>
        {
            Assert.Equal(TestUsers.Admin.Name, e.GetProperty("actor").GetString());
            Assert.Equal("network.yaml", e.GetProperty("target").GetString());
        });

        using var asOperator = await _host.CreateClientAsync(TestUsers.Operator);
        using var refused = await asOperator.PutAsync("/api/v1/rules/files/x.yaml", new StringContent(Network));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task AwaitAsync(Func<Task<bool>> done, string expected) =>
        await AwaitAsync(async () => await done() ? default(JsonElement) : (JsonElement?)null, expected);

    private static async Task<JsonElement> AwaitAsync(Func<Task<JsonElement?>> probe, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after 20 s waiting for {expected}");
    }
}
