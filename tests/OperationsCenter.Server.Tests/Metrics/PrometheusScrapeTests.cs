using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OperationsCenter.Server.Security;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> of a real server process, scraped by a real Prometheus with a scrape key: what was written is what
/// Prometheus counts; and who may read <c>/metrics</c> at all.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private const string ScrapeKey = "test-scrape-key-4b1d";

    [Fact]
    public async Task Prometheus_scraping_with_the_key_counts_every_point_written()
    {
        await using var center = await StartCenterAsync();
        using var client = center.CreateClient();

        // 5 line protocol points from two departments, 2 JSON points, and a body whose two lines are refused.
        await IngestClient.WriteLinesAsync(client, "so-noi-vu", "cpu,host=a value=1\ncpu,host=b value=2\ncpu,host=c value=3");
        await IngestClient.WriteLinesAsync(client, "xa-ban-bo", "cpu,host=a value=1\ncpu,host=b value=2");
        using (var partial = await IngestClient.PostLinesAsync(client, "xa-ban-bo", "cpu,host=z value=\"text\"\nnot line protocol"))
        {
            Assert.NotEqual(HttpStatusCode.NoContent, partial.StatusCode);
        }

        using (var feed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds")
        {
            Content = new StringContent("""{"points":[{"measurement":"queue","fields":{"waiting":4}},{"measurement":"queue","fields":{"waiting":5}}]}""", Encoding.UTF8, "application/json"),
        })
        {
            feed.Headers.Authorization = new AuthenticationHeaderValue("Token", TestDepartments.KeyFor("phuong-tan-phong"));
            using var answer = await client.SendAsync(feed);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        const int written = 5 + 2;
        await using var prometheus = await PrometheusProcess.StartAsync($"127.0.0.1:{center.Port}", ScrapeKey);
        try
        {
            var accepted = await Await.UntilAsync(() => prometheus.QueryScalarAsync("sum(oc_ingest_points_accepted_total)"),
                value => value == written, $"Prometheus to count {written} accepted points", TimeSpan.FromSeconds(60));
            Assert.Equal(written, accepted);
            Assert.Equal(2, await prometheus.QueryScalarAsync("sum(oc_ingest_points_accepted_total{dialect=\"json\"})"));
            Assert.Equal(3, await prometheus.QueryScalarAsync("sum(oc_ingest_points_accepted_total{department=\"so-noi-vu\",dialect=\"line\"})"));
            Assert.Equal(1, await prometheus.QueryScalarAsync("sum(oc_ingest_points_refused_total{reason=\"invalid\"})"));
            Assert.Equal(1, await prometheus.QueryScalarAsync("sum(oc_ingest_points_refused_total{reason=\"field_type\"})"));
            Assert.Equal(4, await prometheus.QueryScalarAsync("sum(oc_ingest_request_duration_seconds_count)"));
            Assert.NotNull(await prometheus.QueryScalarAsync("sum(oc_spool_backlog_points)"));
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"targets: {await prometheus.TargetsAsync()}\nprometheus log: {prometheus.Log()}", ex);
        }
    }

    [Fact]
    public async Task Metrics_need_the_scrape_key_or_an_administrator()
    {
        await using var center = await StartCenterAsync();
        using var anonymous = center.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, "not-the-scrape-key"));

        // A department's key writes points; it does not read the center's metrics.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, TestDepartments.KeyFor("so-noi-vu")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(anonymous, ScrapeKey));

        using var operatorClient = await center.CreateClientAsync(TestUsers.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(operatorClient, null));

        using var admin = await center.CreateClientAsync(TestUsers.Admin);
        using var response = await admin.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("oc_spool_backlog_points", body);
        Assert.Contains("dotnet_gc_collections_total", body);
    }

    private static Task<CenterProcess> StartCenterAsync() => CenterProcess.StartAsync(new Dictionary<string, string?>
    {
        ["OperationsCenter:Metrics:ScrapeKeys:test_prometheus:Sha256"] = DepartmentKeyResolver.Hash(ScrapeKey),
    });

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
