using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OperationsCenter.Testing;

/// <summary>Signs a test user in over <c>POST /auth/login</c>, as the sign-in page does, and keeps the cookie.</summary>
public static class SignIn
{
    /// <summary>The cookies of a fresh sign-in; throws unless the server answered 204.</summary>
    public static async Task<CookieContainer> CookiesAsync(Uri baseAddress, TestUser user)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        using var response = await client.PostAsJsonAsync("/auth/login", new { name = user.Name, password = user.Password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"expected 204 signing in as {user.Name}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return cookies;
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, TestUser user) =>
        new(new HttpClientHandler { CookieContainer = await CookiesAsync(baseAddress, user) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// A connection to <c>/hubs/wall</c> signed in as <paramref name="user"/>, not started yet; <paramref name="view"/>
    /// names the page connecting (<c>leader</c>), as the hub URL's <c>view</c> parameter.
    /// </summary>
    /// <param name="baseAddress">The server (or the proxy in front of a cluster).</param>
    /// <param name="user">Who signs in.</param>
    /// <param name="view">The page connecting, or null for the wall.</param>
    /// <param name="reconnect">Reconnects once a second for a minute when the connection drops, as the wall does.</param>
    public static async Task<HubConnection> WallAsync(Uri baseAddress, TestUser user, string? view = null, bool reconnect = false)
    {
        var cookies = await CookiesAsync(baseAddress, user);
        var path = view is null ? "/hubs/wall" : $"/hubs/wall?view={Uri.EscapeDataString(view)}";
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, path), o => o.Cookies = cookies);
        if (reconnect)
        {
            builder.WithAutomaticReconnect([.. Enumerable.Repeat(TimeSpan.FromSeconds(1), 60)]);
        }

        return builder.Build();
    }
}
