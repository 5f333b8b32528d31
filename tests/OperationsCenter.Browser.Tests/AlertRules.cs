using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>A rules folder with one critical threshold rule (<c>t_wall,down &gt; 0</c>), for a server of its own.</summary>
public sealed class AlertRules : IDisposable
{
    public const string RuleName = "wall-test-down";
    public const string Measurement = "t_wall";
    public const string TitleVi = "Mất dịch vụ tại {department}";
    public const string TitleEn = "Service down at {department}";

    private readonly TemporaryFolder _folder;

    private AlertRules(TemporaryFolder folder) => _folder = folder;

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
        return new AlertRules(folder);
    }

    /// <summary>Starts a server reading this folder.</summary>
    public Task<CenterHost> StartHostAsync() =>
        CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Alerts:RulesDirectory"] = Directory });

    public void Dispose() => _folder.Dispose();
}
