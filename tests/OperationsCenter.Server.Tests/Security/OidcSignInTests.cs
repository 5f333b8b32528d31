using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>Sign-in through an OpenID Connect provider (a real one on loopback), its groups mapped to our roles.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private IdentityProvider _provider = null!;
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await IdentityProvider.StartAsync();
        _host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Auth:Oidc:Authority"] = _provider.Authority.ToString(),
            ["OperationsCenter:Auth:Oidc:ClientId"] = IdentityProvider.ClientId,
            ["OperationsCenter:Auth:Oidc:ClientSecret"] = IdentityProvider.ClientSecret,
            ["OperationsCenter:Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["OperationsCenter:Auth:Oidc:DisplayName"] = "VNeID Lai Châu",
            ["OperationsCenter:Auth:Oidc:RoleMap:ioc-operators"] = "operator",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_person_signed_in_at_the_provider_gets_the_mapped_role_and_only_that()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };

        var providers = await browser.GetFromJsonAsync<JsonElement>("/auth/providers");
        Assert.Equal("VNeID Lai Châu", providers.GetProperty("oidc").GetProperty("displayName").GetString());

        // The sign-in button: off to the provider with PKCE, a state and a nonce.
        using var challenge = await browser.GetAsync("/auth/oidc?returnUrl=%2Fleader.html");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(new Uri(_provider.Authority, "/authorize").ToString(), authorize.ToString());
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(IdentityProvider.ClientId, query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("code", query["response_type"]);

        // The provider signs the person in and posts the code back, as its form_post page would.
        using var callback = await browser.PostAsync(query["redirect_uri"].ToString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = _provider.IssueCode(query["nonce"]!),
            ["state"] = query["state"]!,
        }));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"expected the callback to sign in and redirect, got {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/leader.html", callback.Headers.Location!.OriginalString);

        var me = await browser.GetFromJsonAsync<JsonElement>("/auth/me");
        Assert.Equal(IdentityProvider.User, me.GetProperty("name").GetString());
        Assert.Equal("Đỗ Thị Hà", me.GetProperty("displayName").GetString());
        Assert.Equal(["operator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/rules")).StatusCode);
    }

    [Fact]
    public async Task A_forged_callback_signs_nobody_in()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _host.BaseAddress };
        using var forged = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "x", ["state"] = "y" }));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/login?error=provider", forged.Headers.Location!.OriginalString);
        Assert.DoesNotContain("at Microsoft.", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/overview")).StatusCode);
    }
}
