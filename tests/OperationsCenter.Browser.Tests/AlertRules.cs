using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A rules folder with one critical threshold rule (<c>t_wall,down &gt; 0</c>), for a server of its own, and the
/// checkout's catalog with <c>t_wall</c>'s fields added as metrics: the wall shows only series of catalog metrics, and
/// these tests watch the rule's series on the wall.
/// </summary>
public sealed class AlertRules : IDisposable
{
    public const string RuleName = "wall-test-down";
    public const string Measurement = "t_wall";
    public const string TitleVi = "Mất dịch vụ tại {department}";
    public const string TitleEn = "Service down at {department}";

    private readonly TemporaryFolder _folder;
    private readonly TemporaryFolder _catalog;

    private AlertRules(TemporaryFolder folder, TemporaryFolder catalog)
    {
        _folder = folder;
        _catalog = catalog;
    }

    /// <summary>The folder the server reads rules from.</summary>
    public string Directory => _folder.Path;

    public static AlertRules Create()
    {
        var folder = TemporaryFolder.Create("oc-wall-rules-");
        folder.Write("wall.yaml", $$"""
            rules:
              - name: {{RuleName}}
                kind: threshold
                match: { measurement: {{Measurement}}, field: down }
                above: 0
                severity: critical
                owner: {{CenterHost.Departments[0]}}
                title:
                  vi: "{{TitleVi}}"
                  en: "{{TitleEn}}"
                description:
                  vi: "Số dịch vụ ngừng hoạt động là {value}."
                  en: "{value} services are down."
            """);

        // The metrics list ends the catalog file, so the test's metrics are appended to it.
        var catalog = TemporaryFolder.Create("oc-wall-catalog-");
        catalog.Write("catalog.yaml", File.ReadAllText(Checkout.PathOf("catalog/laichau.yaml")) + $$"""

              - id: {{Measurement}}.down
                measurement: {{Measurement}}
                field: down
                name: { vi: "Dịch vụ ngừng (kiểm thử)", en: "Services down (test)" }
                unit: { vi: "dịch vụ", en: "services" }
                good: down
                headline: false
                aggregate: sum
              - id: {{Measurement}}.share
                measurement: {{Measurement}}
                field: share
                name: { vi: "Tỷ lệ (kiểm thử)", en: "Share (test)" }
                unit: { vi: "%", en: "%" }
                good: up
                headline: false
                aggregate: avg

            """);
        return new AlertRules(folder, catalog);
    }

    /// <summary>The catalog file with the test's metrics (<c>OperationsCenter:CatalogPath</c>).</summary>
    public string CatalogPath => System.IO.Path.Combine(_catalog.Path, "catalog.yaml");

    /// <summary>Starts a server reading this folder and the test's catalog.</summary>
    public Task<CenterHost> StartHostAsync() =>
        CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:RulesDirectory"] = Directory,
            ["OperationsCenter:CatalogPath"] = CatalogPath,
        });

    public void Dispose()
    {
        _folder.Dispose();
        _catalog.Dispose();
    }
}
