using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>A rules folder with one critical threshold rule (<c>t_wall,down &gt; 0</c>), for a server of its own.</summary>
public sealed class AlertRules : IDisposable
{
    public const string RuleName = "wall-test-down";
    public const string Measurement = "t_wall";
    public const string TitleVi = "Mất dịch vụ tại {department}";
    public const string TitleEn = "Service down at {department}";

    private AlertRules(string directory) => Directory = directory;

    /// <summary>The folder the server reads rules from.</summary>
    public string Directory { get; }

    public static AlertRules Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "oc-wall-rules-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "wall.yaml"), $$"""
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
        return new AlertRules(directory);
    }

    /// <summary>Starts a server reading this folder.</summary>
    public Task<CenterHost> StartHostAsync() =>
        CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Alerts:RulesDirectory"] = Directory });

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
