using System.Text.Json;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;
using OperationsCenter.Simulator;
using OperationsCenter.Simulator.Province;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Catalog;

public sealed class CatalogFileTests
{
    private static readonly ProvinceCatalog LaiChau = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));

    [Fact]
    public void The_Lai_Chau_catalog_lists_the_11_agencies_the_service_center_and_the_38_communes_and_wards()
    {
        Assert.Equal(new CatalogProvince("lai-chau", new LocalizedText("Tỉnh Lai Châu", "Lai Châu Province")), LaiChau.Province);
        Assert.Equal(50, LaiChau.Departments.Length);
        Assert.Equal(12, LaiChau.Departments.Count(d => d.Kind == DepartmentKind.Agency));
        Assert.Equal(36, LaiChau.Departments.Count(d => d.Kind == DepartmentKind.Commune));
        Assert.Equal(["phường Tân Phong", "phường Đoàn Kết"], LaiChau.Departments.Where(d => d.Kind == DepartmentKind.Ward).Select(d => d.Name));
        Assert.All(LaiChau.Departments.Where(d => d.Kind == DepartmentKind.Commune), d => Assert.StartsWith("xã ", d.Name, StringComparison.Ordinal));
        Assert.Contains(LaiChau.Departments, d => d is { Id: "xa-mu-ca", Name: "xã Mù Cả" });
        Assert.Contains(LaiChau.Departments, d => d is { Id: "trung-tam-phvhcc", Name: "Trung tâm Phục vụ hành chính công", Kind: DepartmentKind.Agency });
        Assert.Equal(LaiChau.Departments.Length, LaiChau.Departments.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Every_metric_the_issue_lists_is_there_with_names_and_units_in_both_languages()
    {
        string[] expected =
        [
            "dossiers.received", "dossiers.resolved_on_time", "dossiers.overdue", "services.online_share_pct",
            "digital_skills.registrations", "coverage.villages_without_signal", "network.uptime_pct", "lgsp.calls", "lgsp.errors",
            "budget.allocated", "budget.disbursed",
        ];
        Assert.Empty(expected.Except(LaiChau.Metrics.Select(m => m.Id)));
        Assert.All(LaiChau.Metrics, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Name.Vi) || string.IsNullOrWhiteSpace(m.Name.En), $"{m.Id} lacks a name");
            Assert.False(string.IsNullOrWhiteSpace(m.Unit.Vi) || string.IsNullOrWhiteSpace(m.Unit.En), $"{m.Id} lacks a unit");
            Assert.Equal($"{m.Measurement}.{m.Field}", m.Id);
        });
        Assert.Equal(MetricDirection.Down, LaiChau.Metric("dossiers.overdue").Good);
        Assert.Equal((80725d, 81.6d), (LaiChau.Metric("digital_skills.registrations").Start, LaiChau.Metric("budget.allocated").Start));
        Assert.True(LaiChau.Metrics.Count(m => m.Headline) >= 6, "the wall's headline row needs the province's key indicators");
    }

    [Fact]
    public void Every_catalog_department_has_a_demo_key_whose_hash_is_in_the_demo_settings()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Checkout.PathOf("src/OperationsCenter.Server/appsettings.Demo.json")));
        var hashes = settings.RootElement.GetProperty("OperationsCenter").GetProperty("DepartmentKeys").EnumerateObject().Select(e => e.Value)
            .ToDictionary(k => k.GetProperty("Department").GetString()!, k => k.GetProperty("Sha256").GetString()!);

        Assert.All(LaiChau.Departments, d =>
        {
            Assert.True(hashes.TryGetValue(d.Id, out var hash), $"appsettings.Demo.json has no key entry for {d.Id}");
            Assert.Equal(DepartmentKeyResolver.Hash(DemoKeys.For(d.Id)), hash);
        });
    }

    [Fact]
    public void Each_problem_of_a_catalog_is_named_by_file_entry_field_and_line()
    {
        const string yaml = """
            province: { id: lai-chau, name: { vi: "Tỉnh Lai Châu" } }
            departments:
              - { id: so-noi-vu, name: "Sở Nội vụ", kind: agency }
              - { id: "Xã Bản Bo", name: "xã Bản Bo", kind: commune }
              - { id: so-noi-vu, name: "Sở Nội vụ", kind: sở }
            metrics:
              - id: dossiers.overdue
                measurement: dossiers
                field: overdue
                name: { vi: "Hồ sơ quá hạn", en: "Overdue dossiers" }
                unit: { vi: "hồ sơ" }
                good: lower
                aggregate: sum
                colour: red
            """;

        var error = Assert.Throws<CatalogException>(() => CatalogReader.Read("catalog/bad.yaml", yaml));

        Assert.Equal(
        [
            "catalog/bad.yaml: province: field \"name.en\": is missing (line 1)",
            "catalog/bad.yaml: department #2: field \"id\": \"Xã Bản Bo\" must be ASCII: lower-case letters, digits and single '-' (e.g. xa-muong-kim) (line 4)",
            "catalog/bad.yaml: department #3 \"so-noi-vu\": field \"kind\": \"sở\" is not one of agency | commune | ward (line 5)",
            "catalog/bad.yaml: metric #1: field \"colour\": is not a known field; expected one of id, measurement, field, name, unit, good, headline, aggregate, start, levels, unit_levels, card, short, states (line 14)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"unit.en\": is missing (line 11)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"good\": \"lower\" is not one of up | down (line 12)",
        ], error.Errors.Select(e => e.Message));
        Assert.Contains("catalog/bad.yaml: metric \"dossiers.overdue\": field \"unit.en\": is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Lai_Chau_catalog_gives_levels_read_with_good_and_the_unit_cards_in_order()
    {
        Assert.Equal(new MetricLevels(70, 60), LaiChau.Metric("services.online_share_pct").Levels);
        Assert.Equal((new MetricLevels(99.5, 98), new MetricLevels(99, 95)), (LaiChau.Metric("network.uptime_pct").Levels, LaiChau.Metric("network.uptime_pct").UnitLevels));
        Assert.Equal((new MetricLevels(170, 200), new MetricLevels(8, 15)), (LaiChau.Metric("dossiers.overdue").Levels, LaiChau.Metric("dossiers.overdue").UnitLevels));
        Assert.Equal(new MetricLevels(10, 30), LaiChau.Metric("lgsp.errors").Levels);
        Assert.Equal(((MetricLevels?)null, (MetricLevels?)null), (LaiChau.Metric("coverage.villages_without_signal").Levels, LaiChau.Metric("coverage.villages_without_signal").UnitLevels));

        // Every level pair is ordered the way its metric gets worse.
        Assert.All(LaiChau.Metrics, m => Assert.All(new[] { m.Levels, m.UnitLevels }.OfType<MetricLevels>(), l =>
            Assert.True(m.Good == MetricDirection.Up ? l.Alarm <= l.Watch : l.Alarm >= l.Watch, $"{m.Id}: {l}")));

        Assert.Equal(
            ["network.up", "dossiers.overdue", "services.online_share_pct", "network.latency_ms", "lgsp.calls"],
            LaiChau.Metrics.Where(m => m.Card is not null).OrderBy(m => m.Card).Select(m => m.Id));
    }

    [Fact]
    public void Agencies_and_communes_each_send_at_least_two_of_the_card_metrics()
    {
        // What the simulator sends each unit in office hours, without incidents.
        var model = new ProvinceModel(LaiChau, seed: 1, new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7)));
        var sent = model.Round(0, new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7)), TimeSpan.FromSeconds(2), [])
            .ToDictionary(b => b.Department, b => b.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line =>
            {
                var parts = line.Split(' ');
                return parts[1].Split(',').Select(f => $"{parts[0].Split(',')[0]}.{f.Split('=')[0]}");
            }).ToHashSet());
        var cards = LaiChau.Metrics.Where(m => m.Card is not null).Select(m => m.Id).ToHashSet();

        Assert.All(LaiChau.Departments, d =>
            Assert.True(sent[d.Id].Count(cards.Contains) >= 2, $"{d.Id} ({d.Kind}) sends only {string.Join(", ", sent[d.Id].Where(cards.Contains))} of the card metrics"));
    }

    [Theory]
    [InlineData(MetricDirection.Up, 99.5, LevelStatus.Normal)]
    [InlineData(MetricDirection.Up, 99, LevelStatus.Normal)]
    [InlineData(MetricDirection.Up, 98.9, LevelStatus.Watch)]
    [InlineData(MetricDirection.Up, 95, LevelStatus.Watch)]
    [InlineData(MetricDirection.Up, 94.9, LevelStatus.Alarm)]
    [InlineData(MetricDirection.Down, 94.9, LevelStatus.Normal)]
    [InlineData(MetricDirection.Down, 95, LevelStatus.Normal)]
    [InlineData(MetricDirection.Down, 95.1, LevelStatus.Watch)]
    [InlineData(MetricDirection.Down, 99, LevelStatus.Watch)]
    [InlineData(MetricDirection.Down, 99.1, LevelStatus.Alarm)]
    public void A_level_is_passed_strictly_on_the_side_good_says_is_worse(MetricDirection good, double value, LevelStatus expected)
    {
        var levels = good == MetricDirection.Up ? new MetricLevels(Watch: 99, Alarm: 95) : new MetricLevels(Watch: 95, Alarm: 99);

        Assert.Equal(expected, levels.StatusOf(value, good));
    }

    [Fact]
    public void Equal_levels_make_a_link_at_zero_an_alarm_and_at_one_normal()
    {
        var levels = LaiChau.Metric("network.up").UnitLevels!;

        Assert.Equal((LevelStatus.Alarm, LevelStatus.Normal), (levels.StatusOf(0, MetricDirection.Up), levels.StatusOf(1, MetricDirection.Up)));
    }

    [Fact]
    public void Bad_levels_and_cards_are_named_by_file_entry_field_and_line()
    {
        const string yaml = """
            province: { id: lai-chau, name: { vi: "Tỉnh Lai Châu", en: "Lai Châu Province" } }
            departments:
              - { id: so-noi-vu, name: "Sở Nội vụ", kind: agency }
            metrics:
              - id: network.uptime_pct
                measurement: network
                field: uptime_pct
                name: { vi: "Thời gian hoạt động", en: "Uptime" }
                unit: { vi: "%", en: "%" }
                good: up
                aggregate: avg
                levels: { watch: 98, alarm: 99.5 }
                unit_levels: { watch: 99, warn: 95 }
                card: 0
              - id: dossiers.overdue
                measurement: dossiers
                field: overdue
                name: { vi: "Hồ sơ quá hạn", en: "Overdue dossiers" }
                unit: { vi: "hồ sơ", en: "dossiers" }
                good: down
                aggregate: sum
                levels: { watch: 80, alarm: 40 }
                unit_levels: 5
                card: 1.5
              - id: network.up
                measurement: network
                field: up
                name: { vi: "Đường truyền", en: "Link" }
                unit: { vi: "1/0", en: "1/0" }
                good: up
                aggregate: sum
                unit_levels: { watch: 1, alarm: many }
                card: 2
              - id: network.latency_ms
                measurement: network
                field: latency_ms
                name: { vi: "Độ trễ", en: "Latency" }
                unit: { vi: "ms", en: "ms" }
                good: down
                aggregate: avg
                levels: { watch: 100, alarm: 100 }
                card: 2
            """;

        var error = Assert.Throws<CatalogException>(() => CatalogReader.Read("catalog/bad.yaml", yaml));

        Assert.Equal(
        [
            "catalog/bad.yaml: metric \"network.uptime_pct\": field \"levels.alarm\": 99.5 must be at or below watch (98): with good: up, lower is worse (line 12)",
            "catalog/bad.yaml: metric \"network.uptime_pct\": field \"unit_levels.warn\": is not a known field; expected one of watch, alarm (line 13)",
            "catalog/bad.yaml: metric \"network.uptime_pct\": field \"unit_levels.alarm\": is missing (line 13)",
            "catalog/bad.yaml: metric \"network.uptime_pct\": field \"card\": \"0\" is not a positive whole number (1 is shown first) (line 14)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"levels.alarm\": 40 must be at or above watch (80): with good: down, higher is worse (line 22)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"unit_levels\": expected { watch: <number>, alarm: <number> } (line 23)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"card\": \"1.5\" is not a positive whole number (1 is shown first) (line 24)",
            "catalog/bad.yaml: metric \"network.up\": field \"unit_levels.alarm\": \"many\" is not a number (write 81.6, not 81,6) (line 32)",
            "catalog/bad.yaml: metric \"network.up\": field \"card\": 2 is also the card of metric \"network.latency_ms\"; each card number is used once",
        ], error.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Short_labels_and_state_names_are_read_and_bad_ones_named_by_field_and_line()
    {
        Assert.Equal(("Mạng", "thông", "mất"), (LaiChau.Metric("network.up").Short!.Vi, LaiChau.Metric("network.up").States!["1"].Vi, LaiChau.Metric("network.up").States!["0"].Vi));

        const string yaml = """
            province: { id: lai-chau, name: { vi: "Tỉnh Lai Châu", en: "Lai Châu Province" } }
            departments:
              - { id: so-noi-vu, name: "Sở Nội vụ", kind: agency }
            metrics:
              - id: network.up
                measurement: network
                field: up
                name: { vi: "Đường truyền", en: "Link" }
                unit: { vi: "1/0", en: "1/0" }
                good: up
                aggregate: sum
                short: "Mạng"
                states: { up: { vi: "thông", en: "up" }, 0: { vi: "mất" } }
            """;

        var error = Assert.Throws<CatalogException>(() => CatalogReader.Read("catalog/bad.yaml", yaml));

        Assert.Equal(
        [
            "catalog/bad.yaml: metric \"network.up\": field \"short\": expected { vi: \"...\", en: \"...\" } (line 12)",
            "catalog/bad.yaml: metric \"network.up\": field \"states\": \"up\" is not a number: a state is named for the value it has (line 13)",
            "catalog/bad.yaml: metric \"network.up\": field \"states.0.en\": is missing (line 13)",
        ], error.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_missing_catalog_file_says_where_it_was_looked_for()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogReader.Load("/nonexistent/laichau.yaml", "catalog/laichau.yaml"));

        Assert.Equal("catalog/laichau.yaml: does not exist (looked for /nonexistent/laichau.yaml)", Assert.Single(error.Errors).Message);
    }
}
