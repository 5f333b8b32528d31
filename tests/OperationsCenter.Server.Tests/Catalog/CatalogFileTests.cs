using System.Text.Json;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;
using OperationsCenter.Simulator;
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
            "catalog/bad.yaml: metric #1: field \"colour\": is not a known field; expected one of id, measurement, field, name, unit, good, headline, aggregate, start (line 14)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"unit.en\": is missing (line 11)",
            "catalog/bad.yaml: metric \"dossiers.overdue\": field \"good\": \"lower\" is not one of up | down (line 12)",
        ], error.Errors.Select(e => e.Message));
        Assert.Contains("catalog/bad.yaml: metric \"dossiers.overdue\": field \"unit.en\": is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_catalog_file_says_where_it_was_looked_for()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogReader.Load("/nonexistent/laichau.yaml", "catalog/laichau.yaml"));

        Assert.Equal("catalog/laichau.yaml: does not exist (looked for /nonexistent/laichau.yaml)", Assert.Single(error.Errors).Message);
    }
}
