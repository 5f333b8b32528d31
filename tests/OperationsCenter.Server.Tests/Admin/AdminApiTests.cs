using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Admin;

/// <summary>
/// The admin screens' APIs against the real server process: a key issued works for ingest at once and stops at once
/// when revoked; a person added signs in, a role change holds on their open session, a removed person cannot sign in;
/// both live in the settings file, so they survive SIGTERM and SIGKILL; operators are refused; every change is in the
/// audit record (real influxd).
/// </summary>
public sealed class AdminApiTests
{
    private static readonly TestUser Newcomer = new("tuan.le", "newcomer-password-tuan-5", ["operator"], "Lê Văn Tuấn");

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Keys_and_people_changed_on_the_admin_api_hold_at_once_survive_a_restart_and_are_audited(string signal)
    {
        await using var influx = await InfluxProcess.StartAsync();
        var settingsFile = Path.Combine(Path.GetTempPath(), $"oc-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, "{}\n");
        try
        {
            await using var center = await CenterProcess.StartAsync(InfluxCenter.Settings(influx, new Dictionary<string, string?>
            {
                ["OperationsCenter:SettingsFile"] = settingsFile,
            }));
            using var admin = await center.CreateClientAsync(TestUsers.Admin);
            using var asOperator = await center.CreateClientAsync(TestUsers.Operator);

            // Operators and leaders never get in.
            foreach (var (method, path) in new[] { ("GET", "/admin"), ("GET", "/admin/js/admin/admin.js"), ("GET", "/api/v1/keys"), ("POST", "/api/v1/keys"), ("GET", "/api/v1/people"), ("POST", "/api/v1/people"), ("POST", "/api/v1/rules/dry-run?file=x.yaml") })
            {
                using var refused = await asOperator.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null });
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"expected 403 for an operator on {method} {path}, got {(int)refused.StatusCode}");
            }

            using var page = await admin.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

            // A key: shown once, works at once; only its hash is in the file.
            using var issued = await admin.PostAsJsonAsync("/api/v1/keys", new { department = "so-noi-vu" });
            Assert.True(issued.StatusCode == HttpStatusCode.Created, $"expected 201 issuing a key, got {(int)issued.StatusCode}: {await issued.Content.ReadAsStringAsync()}");
            var issuedKey = await issued.Content.ReadFromJsonAsync<JsonElement>();
            var key = issuedKey.GetProperty("key").GetString()!;
            var entryName = issuedKey.GetProperty("entryName").GetString()!;
            Assert.Equal(HttpStatusCode.NoContent, await WriteAsync(center, key));
            Assert.DoesNotContain(key, await File.ReadAllTextAsync(settingsFile));

            using var notInCatalog = await admin.PostAsJsonAsync("/api/v1/keys", new { department = "so-khong-co" });
            Assert.Equal(HttpStatusCode.BadRequest, notInCatalog.StatusCode);
            Assert.Contains("not in the catalog", await notInCatalog.Content.ReadAsStringAsync());

            // A person: signs in at once; a role change holds on their open session.
            using var added = await admin.PostAsJsonAsync("/api/v1/people", new { name = Newcomer.Name, displayName = Newcomer.DisplayName, roles = Newcomer.Roles, password = Newcomer.Password });
            Assert.True(added.StatusCode == HttpStatusCode.Created, $"expected 201 adding a person, got {(int)added.StatusCode}: {await added.Content.ReadAsStringAsync()}");
            using var tooShort = await admin.PostAsJsonAsync("/api/v1/people", new { name = "x.y", roles = new[] { "operator" }, password = "short" });
            Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());
            using var again = await admin.PostAsJsonAsync("/api/v1/people", new { name = Newcomer.Name, roles = new[] { "operator" }, password = Newcomer.Password });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            using var newcomer = await center.CreateClientAsync(Newcomer);
            Assert.Equal(["operator"], await RolesAsync(newcomer));
            Assert.DoesNotContain(Newcomer.Password, await File.ReadAllTextAsync(settingsFile));

            using var reroled = await admin.PutAsJsonAsync($"/api/v1/people/{Newcomer.Name}", new { roles = new[] { "leader", "operator" } });
            Assert.Equal(HttpStatusCode.OK, reroled.StatusCode);
            Assert.Equal(["leader", "operator"], (await RolesAsync(newcomer)).Order());

            // An admin cannot take their own admin role away, nor remove themselves.
            using var selfDemote = await admin.PutAsJsonAsync($"/api/v1/people/{TestUsers.Admin.Name}", new { roles = new[] { "operator" } });
            Assert.Equal(HttpStatusCode.Conflict, selfDemote.StatusCode);
            using var selfRemove = await admin.DeleteAsync($"/api/v1/people/{TestUsers.Admin.Name}");
            Assert.Equal(HttpStatusCode.Conflict, selfRemove.StatusCode);

            // Both live in the settings file: a restart keeps them.
            await center.StopAsync(signal);
            await center.StartAgainAsync();
            Assert.Equal(HttpStatusCode.NoContent, await WriteAsync(center, key));
            using (var afterRestart = await center.CreateClientAsync(Newcomer))
            {
                Assert.Equal(["leader", "operator"], (await RolesAsync(afterRestart)).Order());
            }

            using var adminAgain = await center.CreateClientAsync(TestUsers.Admin);
            var keys = await adminAgain.GetFromJsonAsync<JsonElement>("/api/v1/keys");
            Assert.Contains(keys.EnumerateArray(), k => k.GetProperty("entryName").GetString() == entryName && k.GetProperty("revocable").GetBoolean());
            var people = await adminAgain.GetFromJsonAsync<JsonElement>("/api/v1/people");
            Assert.Contains(people.EnumerateArray(), p => p.GetProperty("name").GetString() == Newcomer.Name && p.GetProperty("editable").GetBoolean());
            Assert.Contains(people.EnumerateArray(), p => p.GetProperty("name").GetString() == TestUsers.Admin.Name && !p.GetProperty("editable").GetBoolean());

            // Revoked: refused at once. Removed: cannot sign in.
            using var revoked = await adminAgain.DeleteAsync($"/api/v1/keys/{entryName}");
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, await WriteAsync(center, key));
            using var removed = await adminAgain.DeleteAsync($"/api/v1/people/{Newcomer.Name}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            using (var anonymous = center.CreateClient())
            {
                using var signIn = await anonymous.PostAsJsonAsync("/auth/login", new { name = Newcomer.Name, password = Newcomer.Password });
                Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
            }

            // Every change is in the audit record, with who made it.
            string[] expected = ["key.issue", "person.add", "person.roles", "key.revoke", "person.remove"];
            var audit = await Await.UntilAsync(
                async () => await adminAgain.GetFromJsonAsync<JsonElement>("/api/v1/audit"),
                entries => expected.All(a => entries.EnumerateArray().Any(e => e.GetProperty("action").GetString() == a)),
                $"the audit record to hold {string.Join(", ", expected)}");
            Assert.All(audit.EnumerateArray().Where(e => expected.Contains(e.GetProperty("action").GetString())),
                e => Assert.Equal(TestUsers.Admin.Name, e.GetProperty("actor").GetString()));
        }
        finally
        {
            File.Delete(settingsFile);
        }
    }

    [Fact]
    public async Task Without_a_settings_file_issuing_a_key_or_adding_a_person_says_to_configure_one()
    {
        await using var host = await CenterHost.StartAsync();
        using var admin = await host.CreateClientAsync(TestUsers.Admin);
        using var key = await admin.PostAsJsonAsync("/api/v1/keys", new { department = "so-noi-vu" });
        Assert.Equal(HttpStatusCode.Conflict, key.StatusCode);
        Assert.Contains("OperationsCenter:SettingsFile", await key.Content.ReadAsStringAsync());
        using var person = await admin.PostAsJsonAsync("/api/v1/people", new { name = "a.b", roles = new[] { "operator" }, password = "long-enough-password" });
        Assert.Equal(HttpStatusCode.Conflict, person.StatusCode);
        Assert.Contains("OperationsCenter:SettingsFile", await person.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> WriteAsync(CenterProcess center, string key)
    {
        using var client = center.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc")
        {
            Content = new StringContent("dossiers,desk=admin-test received=1i", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string[]> RolesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/auth/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
}
