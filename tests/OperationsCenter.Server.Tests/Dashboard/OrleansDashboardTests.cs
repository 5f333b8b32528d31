using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Dashboard;

/// <summary>
/// The Orleans Dashboard at <c>/orleans</c> on the center's own address: administrators only. Without a session its page
/// sends a browser to the sign-in page and its data answer a JSON 401, as the API does; other roles get a JSON 403.
/// </summary>
[Collection(CenterCollection.Name)]
public sealed class OrleansDashboardTests(CenterFixture fixture)
{
    [Theory]
    [InlineData("/orleans")]
    [InlineData("/orleans/")]
    [InlineData("/orleans/index.html")]
    public async Task Without_a_session_the_page_sends_a_browser_to_sign_in(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/orleans/DashboardCounters")]
    [InlineData("/orleans/ClusterStats")]
    [InlineData("/orleans/index.min.js")]
    [InlineData("/orleans/Trace")]
    public async Task Without_a_session_its_data_and_scripts_get_a_json_401(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign in", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("operator", "/orleans/")]
    [InlineData("operator", "/orleans/DashboardCounters")]
    [InlineData("leader", "/orleans/")]
    [InlineData("leader", "/orleans/GrainTypes")]
    public async Task Operators_and_leaders_get_a_403_that_names_the_admin_role(string role, string path)
    {
        using var client = await fixture.Host.CreateClientAsync(role == "operator" ? TestUsers.Operator : TestUsers.Leader);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admin role", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_admin_gets_the_dashboard_and_its_data_on_the_centers_own_port()
    {
        using var admin = await fixture.Host.CreateClientAsync(TestUsers.Admin);

        using var page = await admin.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("index.min.js", html, StringComparison.Ordinal);

        using var script = await admin.GetAsync("/orleans/index.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);

        // Without the trailing slash the page's relative script paths would miss: the dashboard adds it.
        var cookies = await SignIn.CookiesAsync(fixture.Host.BaseAddress, TestUsers.Admin);
        using var adminNotFollowing = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = fixture.Host.BaseAddress };
        using var bare = await adminNotFollowing.GetAsync("/orleans");
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/orleans/", bare.Headers.Location?.OriginalString);

        // The cluster as the dashboard polls it: this silo, up.
        var counters = await Await.UntilAsync(
            async () =>
            {
                using var response = await admin.GetAsync("/orleans/DashboardCounters");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            },
            c => c.GetProperty("totalActiveHostCount").GetInt32() >= 1,
            "the dashboard's counters to list this silo");
        Assert.NotEmpty(counters.GetProperty("hosts").EnumerateArray());

        using var grainTypes = await admin.GetAsync("/orleans/GrainTypes");
        Assert.Equal(HttpStatusCode.OK, grainTypes.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await grainTypes.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Its_path_and_options_come_from_configuration_and_it_can_be_left_out()
    {
        await using (var moved = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:OrleansDashboard:Path"] = "/ops/silos",
            ["OperationsCenter:OrleansDashboard:HideTrace"] = "true",
        }))
        {
            using var admin = await moved.CreateClientAsync(TestUsers.Admin);
            using var page = await admin.GetAsync("/ops/silos/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // Someone with every role, so the wall's fallback policy does not answer first: nothing at the default path.
            using var supervisor = await moved.CreateClientAsync(TestUsers.Supervisor);
            using var old = await supervisor.GetAsync("/orleans/");
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);

            // HideTrace binds to the dashboard's own options: the live log is refused.
            using var trace = await admin.GetAsync("/ops/silos/Trace");
            Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode);
        }

        await using var disabled = await CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:OrleansDashboard:Enabled"] = "false" });
        using var supervisorOfDisabled = await disabled.CreateClientAsync(TestUsers.Supervisor);
        using var absent = await supervisorOfDisabled.GetAsync("/orleans/DashboardCounters");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }
}
