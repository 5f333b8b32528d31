using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>
/// Every endpoint the app maps, found at run time so a new endpoint is covered without editing this test: none but
/// the health checks and the sign-in door answers a request that carries no credentials.
/// </summary>
[Collection(CenterCollection.Name)]
public sealed class EndpointCoverageTests(CenterFixture fixture)
{
    // Open on purpose: InfluxDB clients' health check, monitoring, and the way in.
    private static readonly HashSet<string> Open = ["/ping", "/health", "/health/live", "/health/ready", "/login", "/auth/login", "/auth/logout", "/auth/providers", "/auth/oidc"];

    // Pages among the endpoints (the wall's pages are files): without a session, a redirect to the sign-in page.
    private static readonly HashSet<string> Pages = ["/orleans", "/orleans/index.html", "/department", "/department/{id}", "/admin", "/admin.html", "/admin/{**path}", "/js/admin/{**path}"];

    [Fact]
    public async Task No_endpoint_but_ping_health_and_sign_in_answers_without_credentials()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 20, $"expected the app's endpoints to be enumerated, found {endpoints.Count}");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };

        var failures = new List<string>();
        foreach (var (method, pattern, url) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH" or "DELETE")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (Open.Contains(pattern))
            {
                continue;
            }

            // The Orleans Dashboard's page sends a browser to sign in, as the wall's pages do (its data answer 401).
            if (Pages.Contains(pattern))
            {
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.PathAndQuery.StartsWith("/login?returnUrl=", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{method} {url} ({pattern}) answered {(int)response.StatusCode} {response.Headers.Location} without credentials, expected a redirect to /login");
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {url} ({pattern}) answered {(int)response.StatusCode} without credentials, expected 401: {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(endpoints, e => e.Pattern == "/hubs/wall/negotiate");
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/keys");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/leader.html")]
    [InlineData("/wall.js")]
    [InlineData("/lib/signalr.min.js")]
    public async Task The_wall_files_send_a_browser_to_the_sign_in_page(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_and_its_texts_are_served_to_anyone()
    {
        using var client = fixture.Host.CreateClient();
        Assert.Contains("login-form", await client.GetStringAsync("/login"));
        Assert.Contains("login.submit", await client.GetStringAsync("/i18n/vi.json"));
        Assert.Contains("/auth/login", await client.GetStringAsync("/login.js"));
    }

    private List<(string Method, string Pattern, string Url)> Endpoints()
    {
        var found = new List<(string, string, string)>();
        foreach (var endpoint in fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var url = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(Segment));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            found.AddRange(methods.Where(m => m != "OPTIONS").Select(m => (m, pattern, url)));
        }

        return found;
    }

    // A parameter gets a harmless value: the request must be refused before its value matters.
    private static string Segment(RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => "0000000000000000",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));
}
