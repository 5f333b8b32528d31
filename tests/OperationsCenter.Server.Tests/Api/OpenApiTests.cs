using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Server.Hosting;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Api;

/// <summary><c>/openapi/v1.json</c>: an OpenAPI 3 document of every HTTP endpoint, for administrators.</summary>
[Collection(CenterCollection.Name)]
public sealed class OpenApiTests(CenterFixture fixture)
{
    private const string Document = "/openapi/v1.json";

    [Fact]
    public async Task The_document_is_openapi_3_and_describes_every_mapped_endpoint_with_its_error_shapes()
    {
        using var admin = await fixture.Host.CreateClientAsync(TestUsers.Admin);
        var document = await admin.GetFromJsonAsync<JsonElement>(Document);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("info").GetProperty("title").GetString()));
        var paths = document.GetProperty("paths");
        var described = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        // Not HTTP API operations: the hub (SignalR negotiates its own), this document, the health probes (ASP.NET
        // Core's health-check endpoints, which monitors know by their fixed paths; the README describes them), the
        // Prometheus scrape endpoint /metrics (the exposition format is Prometheus', read by scrapers, not clients), and the
        // Orleans Dashboard (Orleans' own page and the JSON its script polls, an admin screen rather than the center's
        // API: its format is Orleans', not ours to describe, so it is left out of the document), and the admin area's
        // pages and scripts (files served to administrators, not operations).
        var mapped = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<OrleansDashboardEndpoint>() is null)
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/hubs/", StringComparison.Ordinal)
                        && !(e.RoutePattern.RawText ?? "").StartsWith("/health", StringComparison.Ordinal)
                        && e.RoutePattern.RawText != "/metrics"
                        && e.RoutePattern.RawText is not ("/admin" or "/admin.html" or "/admin/{**path}" or "/js/admin/{**path}")
                        && e.RoutePattern.RawText != "/openapi/{documentName}.json")
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "OPTIONS")
                .Select(m => $"{m} /{(e.RoutePattern.RawText ?? "").Trim('/')}"))
            .ToHashSet();
        Assert.True(mapped.Count >= 20, $"expected the endpoints to be enumerated, found {mapped.Count}");
        Assert.Empty(mapped.Except(described));

        // The write endpoints say what they take and each refusal's shape.
        var write = paths.GetProperty("/write").GetProperty("post");
        Assert.True(write.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        Assert.All(new[] { "204", "400", "401", "413", "429", "503" }, status => Assert.True(write.GetProperty("responses").TryGetProperty(status, out _), $"/write documents no {status}"));
        var alerts = paths.GetProperty("/api/v1/alerts/{fingerprint}/ack").GetProperty("post").GetProperty("responses");
        Assert.True(alerts.TryGetProperty("503", out _), "acknowledging documents its 503");
    }

    [Fact]
    public async Task Only_administrators_read_it()
    {
        using var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Document)).StatusCode);
        using var operatorClient = await fixture.Host.CreateClientAsync(TestUsers.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync(Document)).StatusCode);
    }
}
