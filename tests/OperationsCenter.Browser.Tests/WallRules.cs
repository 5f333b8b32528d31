using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A rules folder with two threshold rules on catalog metrics, firing at once (no <c>for</c>): a network link down
/// (<c>network.up</c> below 1, per link) and a low online-dossier share (<c>services.online_share_pct</c> below 60,
/// clearing at 65).
/// </summary>
public sealed class WallRules : IDisposable
{
    public const string LinkDown = "wall-link-down";
    public const string ShareLow = "wall-share-low";
    public const string LinkDownTitleVi = "Mất đường truyền số liệu chuyên dùng tại {department_name}";
    public const string ShareLowTitleVi = "Tỷ lệ hồ sơ trực tuyến toàn trình thấp tại {department_name}";

    private readonly TemporaryFolder _folder;

    private WallRules(TemporaryFolder folder, string owner)
    {
        _folder = folder;
        Owner = owner;
    }

    /// <summary>The folder the server reads rules from.</summary>
    public string Directory => _folder.Path;

    /// <summary>The unit that owns both rules' alerts.</summary>
    public string Owner { get; }

    /// <summary>Writes the rules, owned by <paramref name="owner"/> (a unit id).</summary>
    public static WallRules Create(string owner)
    {
        var folder = TemporaryFolder.Create("oc-wall-rules-");
        folder.Write("wall.yaml", $$"""
            rules:
              - name: {{LinkDown}}
                kind: threshold
                match: { measurement: network, field: up }
                below: 1
                severity: warning
                owner: {{owner}}
                title:
                  vi: "{{LinkDownTitleVi}}"
                  en: "Dedicated data network link down at {department_name}"
                description:
                  vi: "Đường truyền {tag:link} không hoạt động."
                  en: "Link {tag:link} is down."
              - name: {{ShareLow}}
                kind: threshold
                match: { measurement: services, field: online_share_pct }
                below: 60
                clear: 65
                severity: info
                owner: {{owner}}
                title:
                  vi: "{{ShareLowTitleVi}}"
                  en: "Online dossier share low at {department_name}"
                description:
                  vi: "Tỷ lệ hồ sơ trực tuyến toàn trình là {value:0.0}%, dưới mức {threshold}%."
                  en: "The share of dossiers done fully online is {value:0.0}%, below {threshold}%."
            """);
        return new WallRules(folder, owner);
    }

    /// <summary>The setting that points a server at this folder.</summary>
    public KeyValuePair<string, string?> Setting => new("OperationsCenter:Alerts:RulesDirectory", Directory);

    public void Dispose() => _folder.Dispose();
}
