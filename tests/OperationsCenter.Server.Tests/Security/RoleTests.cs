using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>Who may do what, through HTTP and through the hub, with real sign-ins.</summary>
[Collection(CenterCollection.Name)]
public sealed class RoleTests(CenterFixture fixture)
{
    private CenterHost Host => fixture.Host;

    [Fact]
    public async Task Anonymous_api_calls_get_a_json_401_that_says_how_to_sign_in()
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/api/v1/overview");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign in", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("operator", "/api/v1/overview", HttpStatusCode.OK)]
    [InlineData("leader", "/api/v1/alerts", HttpStatusCode.OK)]
    [InlineData("admin", "/api/v1/overview", HttpStatusCode.Forbidden)]
    [InlineData("operator", "/api/v1/rules", HttpStatusCode.Forbidden)]
    [InlineData("leader", "/api/v1/keys", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/api/v1/rules", HttpStatusCode.OK)]
    [InlineData("admin", "/api/v1/silences", HttpStatusCode.OK)]
    [InlineData("operator", "/api/v1/silences", HttpStatusCode.OK)]
    [InlineData("admin", "/", HttpStatusCode.Forbidden)]
    [InlineData("leader", "/leader.html", HttpStatusCode.OK)]
    public async Task Each_role_reaches_what_it_needs_and_nothing_more(string role, string path, HttpStatusCode expected)
    {
        using var client = await Host.CreateClientAsync(User(role));
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{role} GET {path}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("role", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Only_admins_make_silences_and_the_silence_records_who()
    {
        var silence = new
        {
            matchers = new { alertname = "roles-silence" },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            comment = "bảo trì",
        };
        using var asOperator = await Host.CreateClientAsync(TestUsers.Operator);
        using var refused = await asOperator.PostAsJsonAsync("/api/v1/silences", silence);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var asAdmin = await Host.CreateClientAsync(TestUsers.Admin);
        using var created = await asAdmin.PostAsJsonAsync("/api/v1/silences", silence);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TestUsers.Admin.Name, view.GetProperty("silence").GetProperty("createdBy").GetString());

        using var ended = await asAdmin.DeleteAsync($"/api/v1/silences/{view.GetProperty("silence").GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
    }

    [Fact]
    public async Task The_keys_api_shows_departments_and_hash_prefixes_never_whole_hashes()
    {
        using var client = await Host.CreateClientAsync(TestUsers.Admin);
        var keys = await client.GetStringAsync("/api/v1/keys");
        foreach (var department in CenterHost.Departments)
        {
            Assert.Contains($"\"department\":\"{department}\"", keys);
            var hash = OperationsCenter.Server.Security.DepartmentKeyResolver.Hash(TestDepartments.KeyFor(department));
            Assert.Contains(hash[..12], keys);
            Assert.DoesNotContain(hash, keys);
        }
    }

    [Fact]
    public async Task An_admin_without_the_operator_role_cannot_acknowledge_and_the_refusal_says_why()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "roles-ack");
        using var asAdmin = await Host.CreateClientAsync(TestUsers.Admin);
        using var refused = await asAdmin.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/ack", new { note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("operator or leader", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AlertState.Firing, (await TestAlerts.Grain(Host, fingerprint).GetView())!.State);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_and_admin_only_connections()
    {
        await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(Host.BaseAddress, "/hubs/wall")).Build();
        var noCredentials = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, noCredentials.StatusCode);

        await using var admin = await Host.WallConnectionAsync(TestUsers.Admin);
        var wrongRole = await Assert.ThrowsAsync<HttpRequestException>(() => admin.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
    }

    [Fact]
    public async Task A_leader_acknowledges_through_the_hub_and_is_recorded_as_the_one_who_did()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "roles-hub-ack");
        await using var leader = await Host.WallConnectionAsync(TestUsers.Leader);
        await leader.StartAsync();

        var view = await leader.InvokeAsync<JsonElement>("Acknowledge", fingerprint, "lãnh đạo đã nắm");
        Assert.Equal("acknowledged", view.GetProperty("state").GetString());
        Assert.Equal(TestUsers.Leader.Name, (await TestAlerts.Grain(Host, fingerprint).GetView())!.AcknowledgedBy);
    }

    [Fact]
    public async Task The_hub_refuses_an_overlong_note_with_a_message_and_leaves_the_alert_firing()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "roles-hub-long-note");
        await using var wall = await Host.WallConnectionAsync(TestUsers.Operator);
        await wall.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => wall.InvokeAsync<JsonElement>("Acknowledge", fingerprint, new string('x', 2001)));
        Assert.Contains("at most 2000 characters", refused.Message);
        Assert.DoesNotContain("   at ", refused.Message);
        Assert.Equal(AlertState.Firing, (await TestAlerts.Grain(Host, fingerprint).GetView())!.State);
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_a_wrong_name_and_a_wrong_password()
    {
        using var client = Host.CreateClient();
        using var wrongPassword = await client.PostAsJsonAsync("/auth/login", new { name = TestUsers.Operator.Name, password = "not-the-password" });
        using var unknownName = await client.PostAsJsonAsync("/auth/login", new { name = "nobody.here", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownName.StatusCode);
        Assert.Equal(await wrongPassword.Content.ReadAsStringAsync(), await unknownName.Content.ReadAsStringAsync());
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"), "a failed sign-in must not set a cookie");
    }

    [Fact]
    public async Task Who_am_i_names_the_person_and_their_roles_and_sign_out_ends_the_session()
    {
        using var client = await Host.CreateClientAsync(TestUsers.Supervisor);
        var me = await client.GetFromJsonAsync<JsonElement>("/auth/me");
        Assert.Equal(TestUsers.Supervisor.Name, me.GetProperty("name").GetString());
        Assert.Equal(["admin", "leader", "operator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        using var signOut = await client.PostAsync("/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        using var after = await client.GetAsync("/api/v1/overview");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static TestUser User(string role) => role switch
    {
        "operator" => TestUsers.Operator,
        "leader" => TestUsers.Leader,
        _ => TestUsers.Admin,
    };
}
