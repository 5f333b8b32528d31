using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>The Grafana dashboard in dashboards/grafana: valid JSON, and every query runs on the real InfluxDB the center writes.</summary>
[Collection(PersistenceCollection.Name)]
public sealed class GrafanaDashboardTests(PersistenceFixture fixture)
{
    [Fact]
    public async Task Every_panel_and_variable_query_answers_from_the_centers_own_data()
    {
        await fixture.Host.WriteLinesAsync("so-noi-vu",
            "dossiers,desk=one-stop received=120i,resolved_on_time=100i,overdue=3i\nnetwork,link=wan up=1i,uptime_pct=99.5,latency_ms=21.5\n" +
            "services online_share_pct=62.5\nmonthly_report submitted=1i\ndigital_skills registrations=40i\ncoverage villages_without_signal=2i\n" +
            "lgsp calls=300i,errors=1i\nbudget allocated=12.5,disbursed=7.25");
        var labels = ImmutableDictionary<string, string>.Empty.Add("department", "so-noi-vu").Add("measurement", "network");
        await fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertGrain>(AlertFingerprint.Of("grafana-check", labels))
            .Signal(TestAlerts.Signal("grafana-check", labels, AlertCondition.Breached, 1, DateTimeOffset.UtcNow));
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "dossiers", 1, field: "received");
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "budget", 1, field: "disbursed");
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "alert_history", 1, field: "actor");

        var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(DashboardPath())).RootElement;
        Assert.Equal("operations-center-history", dashboard.GetProperty("uid").GetString());
        var queries = dashboard.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (Panel: p.GetProperty("title").GetString()!, Query: t.GetProperty("query").GetString()!)))
            .Concat(dashboard.GetProperty("templating").GetProperty("list").EnumerateArray()
                .Where(v => v.GetProperty("type").GetString() == "query")
                .Select(v => ($"variable {v.GetProperty("name").GetString()}", v.GetProperty("query").GetString()!)))
            .ToList();

        // One panel per catalog metric (Catalog/GrafanaDashboardCatalogTests checks which) and the alert history; the
        // unit selector is a custom variable (catalog names for ids), so it sends no query.
        Assert.Equal(15, queries.Count);

        var client = fixture.Influx.Query(InfluxCenter.Database);
        foreach (var (panel, query) in queries)
        {
            var concrete = query
                .Replace("$timeFilter", "time > now() - 1h", StringComparison.Ordinal)
                .Replace("$__interval", "1m", StringComparison.Ordinal)
                .Replace("$department", "so-noi-vu", StringComparison.Ordinal);
            var series = await client.QueryAsync(concrete, CancellationToken.None);
            Assert.True(series.Count > 0, $"panel '{panel}' found nothing: {concrete}");
        }
    }

    private static string DashboardPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dashboards", "grafana", "operations-center.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("dashboards/grafana/operations-center.json not found above the test binaries");
    }
}
