using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Catalog;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Catalog;

/// <summary>
/// dashboards/grafana/operations-center.json covers the catalog: a panel for every metric, and every unit by its name
/// (the unit selector, every legend, the alert table), since InfluxDB only stores the ids. Its queries run against a
/// real InfluxDB in Persistence/GrafanaDashboardTests.
/// </summary>
public sealed partial class GrafanaDashboardCatalogTests
{
    private static readonly ProvinceCatalog LaiChau = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
    private static readonly JsonElement Dashboard = JsonDocument.Parse(File.ReadAllText(Checkout.PathOf("dashboards/grafana/operations-center.json"))).RootElement;

    private static IEnumerable<JsonElement> Panels => Dashboard.GetProperty("panels").EnumerateArray();

    [Fact]
    public void Every_catalog_metric_is_queried_by_a_panel()
    {
        var queries = Panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("query").GetString()!).ToList();
        Assert.All(LaiChau.Metrics, metric => Assert.True(
            queries.Any(q => SelectFrom().Match(q) is { Success: true } m &&
                             m.Groups["from"].Value == metric.Measurement && m.Groups["select"].Value.Contains($"\"{metric.Field}\"", StringComparison.Ordinal)),
            $"no panel queries {metric.Id} (SELECT … \"{metric.Field}\" … FROM \"{metric.Measurement}\")"));
    }

    [Fact]
    public void The_unit_selector_shows_every_catalog_unit_by_name_and_sends_its_id()
    {
        var variable = Dashboard.GetProperty("templating").GetProperty("list").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "department");
        Assert.Equal("custom", variable.GetProperty("type").GetString());

        // As Grafana reads a custom variable: comma-separated (a comma in a name escaped "\,"), each "label : value".
        var options = CustomOption().Matches(variable.GetProperty("query").GetString()!)
            .Select(m => m.Value.Replace("\\,", ",", StringComparison.Ordinal))
            .Select(text => LabelValue().Match(text))
            .Select(m => (Name: m.Groups[1].Value.Trim(), Id: m.Groups[2].Value.Trim()))
            .ToList();
        Assert.Equal(LaiChau.Departments.Select(d => (d.Name, d.Id)), options);
    }

    [Fact]
    public void Every_legend_and_the_alert_table_name_every_catalog_unit()
    {
        var seriesPanels = Panels.Where(p => p.GetProperty("targets").EnumerateArray().Any(t => t.TryGetProperty("alias", out var a) && a.GetString() == "$tag_department")).ToList();
        Assert.True(seriesPanels.Count >= LaiChau.Metrics.Length - 2, $"expected a panel per metric, found {seriesPanels.Count}");
        foreach (var panel in seriesPanels)
        {
            var names = panel.GetProperty("fieldConfig").GetProperty("overrides").EnumerateArray()
                .Where(o => o.GetProperty("matcher").GetProperty("id").GetString() == "byName")
                .ToDictionary(
                    o => o.GetProperty("matcher").GetProperty("options").GetString()!,
                    o => o.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "displayName").GetProperty("value").GetString());
            Assert.All(LaiChau.Departments, d => Assert.True(names.TryGetValue(d.Id, out var name) && name == d.Name,
                $"panel '{panel.GetProperty("title").GetString()}' does not name {d.Id} '{d.Name}'"));
        }

        var table = Panels.Single(p => p.GetProperty("type").GetString() == "table");
        var unitColumn = table.GetProperty("fieldConfig").GetProperty("overrides").EnumerateArray()
            .Single(o => o.GetProperty("matcher").GetProperty("options").GetString() == "unit");
        var mapped = unitColumn.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "mappings")
            .GetProperty("value")[0].GetProperty("options");
        Assert.All(LaiChau.Departments, d => Assert.Equal(d.Name, mapped.GetProperty(d.Id).GetProperty("text").GetString()));
    }

    [GeneratedRegex("""^SELECT (?<select>.+?) FROM "(?<from>[^"]+)" """)]
    private static partial Regex SelectFrom();

    [GeneratedRegex("""(?:\\,|[^,])+""")]
    private static partial Regex CustomOption();

    [GeneratedRegex("""^\s*(.+)\s:\s(.+)$""")]
    private static partial Regex LabelValue();
}
