using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>A page of another site cannot use a signed-in person's cookie; a sign-in link cannot send them elsewhere.</summary>
[Collection(CenterCollection.Name)]
public sealed class CrossSiteTests(CenterFixture fixture)
{
    private CenterHost Host => fixture.Host;

    [Fact]
    public async Task A_change_from_another_origin_is_refused_and_the_same_change_from_the_wall_goes_through()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "cross-site-ack");
        using var client = await Host.CreateClientAsync(TestUsers.Operator);

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alerts/{fingerprint}/ack");
        forged.Headers.Add("Origin", "http://evil.example");
        using var refused = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("cross-site", await refused.Content.ReadAsStringAsync());

        using var fromReferer = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alerts/{fingerprint}/ack") { Content = JsonContent.Create(new { note = "x" }) };
        fromReferer.Headers.Referrer = new Uri("http://127.0.0.1.evil.example/page");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(fromReferer)).StatusCode);
        Assert.Equal(AlertState.Firing, (await TestAlerts.Grain(Host, fingerprint).GetView())!.State);

        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alerts/{fingerprint}/ack") { Content = JsonContent.Create(new { note = "từ màn hình" }) };
        own.Headers.Add("Origin", Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var accepted = await client.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_opened_by_another_origin()
    {
        var cookies = await SignIn.CookiesAsync(Host.BaseAddress, TestUsers.Operator);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Host.BaseAddress };
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/wall/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(negotiate)).StatusCode);
    }

    [Fact]
    public async Task Ingest_from_anywhere_still_works_because_it_carries_a_key_not_a_cookie()
    {
        using var client = Host.CreateClient();
        using var request = Send.Lines("/write?db=ioc", "cross_site_ingest value=1", TestDepartments.KeyFor("so-noi-vu"));
        request.Headers.Add("Origin", "http://telegraf.example");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("/leader.html", "/leader.html")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    public void Only_a_path_on_this_site_is_a_place_to_return_to(string asked, string expected) =>
        Assert.Equal(expected, OperationsCenter.Server.Security.AuthApi.LocalOrRoot(asked));

    [Fact]
    public async Task Health_shows_monitors_states_and_counts_and_signed_in_people_the_details()
    {
        using var anonymous = Host.CreateClient();
        var (status, open) = await Health.ReadWithStatusAsync(anonymous);

        // This server has no InfluxDB: degraded, and the status code says so to monitors that read only that; the
        // checks say which part is at fault.
        Assert.Equal((System.Net.HttpStatusCode.ServiceUnavailable, "degraded"), (status, open.GetProperty("status").GetString()));
        Assert.Equal("degraded", open.GetProperty("checks").GetProperty("influx").GetProperty("status").GetString());
        Assert.Equal("healthy", open.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());

        // Liveness and readiness: the process serves, and it takes writes (into the spool) without InfluxDB.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        using var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"spool\"", await ready.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("influx").GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("deadLetters").GetProperty("file").ValueKind);
        Assert.True(open.GetProperty("spool").TryGetProperty("backlogPoints", out _));

        using var signedIn = await Host.CreateClientAsync(TestUsers.Operator);
        var detailed = await Health.ReadAsync(signedIn);
        Assert.StartsWith("http://127.0.0.1:", detailed.GetProperty("influx").GetProperty("url").GetString());
    }
}
