using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A catalog file with three headline metrics and one that is not a headline, for a server of its own
/// (<c>OperationsCenter:CatalogPath</c>). Overdue and registrations have levels (the tile's colour); the online share
/// has none (its tile stays neutral whatever its trend).
/// </summary>
public sealed class HeadlineCatalog : IDisposable
{
    /// <summary>Sum across departments; fewer is better: watch strictly above <see cref="OverdueWatch"/>, alarm strictly above <see cref="OverdueAlarm"/>.</summary>
    public const string Overdue = "t_dossiers.overdue";

    public const int OverdueWatch = 10;
    public const int OverdueAlarm = 12;

    /// <summary>Sum across departments; more is better: watch strictly below <see cref="RegistrationsWatch"/>, alarm strictly below <see cref="RegistrationsAlarm"/>.</summary>
    public const string Registrations = "t_skills.registrations";

    public const int RegistrationsWatch = 81000;
    public const int RegistrationsAlarm = 50000;

    /// <summary>Average across departments; more is better; no levels.</summary>
    public const string OnlineShare = "t_services.online_share_pct";

    /// <summary>In the catalog but not a headline: no tile.</summary>
    public const string Latency = "t_network.latency_ms";

    public const string OverdueNameVi = "Hồ sơ quá hạn (kiểm thử)";
    public const string OverdueNameEn = "Overdue dossiers (test)";
    public const string OverdueUnitVi = "hồ sơ";

    private readonly TemporaryFolder _folder;

    private HeadlineCatalog(TemporaryFolder folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    /// <summary>The catalog file.</summary>
    public string Path { get; }

    public static HeadlineCatalog Create()
    {
        var folder = TemporaryFolder.Create("oc-wall-catalog-");
        var departments = string.Join(Environment.NewLine, TestDepartments.All.Select(d => $"  - {{ id: {d.Id}, name: \"{d.Name}\", kind: agency }}"));
        var path = folder.Write("catalog.yaml", $$"""
            province:
              id: test-province
              name: { vi: "Tỉnh kiểm thử", en: "Test province" }
            departments:
            {{departments}}
            metrics:
              - id: {{Overdue}}
                measurement: t_dossiers
                field: overdue
                name: { vi: "{{OverdueNameVi}}", en: "{{OverdueNameEn}}" }
                unit: { vi: "{{OverdueUnitVi}}", en: "dossiers" }
                good: down
                headline: true
                aggregate: sum
                levels: { watch: {{OverdueWatch}}, alarm: {{OverdueAlarm}} }
              - id: {{Registrations}}
                measurement: t_skills
                field: registrations
                name: { vi: "Lượt đăng ký học kỹ năng số", en: "Digital-skills registrations" }
                unit: { vi: "lượt đăng ký", en: "registrations" }
                good: up
                headline: true
                aggregate: sum
                levels: { watch: {{RegistrationsWatch}}, alarm: {{RegistrationsAlarm}} }
              - id: {{OnlineShare}}
                measurement: t_services
                field: online_share_pct
                name: { vi: "Tỷ lệ hồ sơ trực tuyến toàn trình", en: "Share of dossiers fully online" }
                unit: { vi: "%", en: "%" }
                good: up
                headline: true
                aggregate: avg
              - id: {{Latency}}
                measurement: t_network
                field: latency_ms
                name: { vi: "Độ trễ mạng", en: "Network latency" }
                unit: { vi: "ms", en: "ms" }
                good: down
                headline: false
                aggregate: avg
            """);
        return new HeadlineCatalog(folder, path);
    }

    /// <summary>Starts a server with this catalog.</summary>
    public Task<CenterHost> StartHostAsync() =>
        CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:CatalogPath"] = Path });

    public void Dispose() => _folder.Dispose();
}
