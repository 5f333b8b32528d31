using System.Globalization;
using System.Text;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;
using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The Lai Châu demo province (the checkout's <c>catalog/laichau.yaml</c>, 50 units) on a test server: the units come
/// from the catalog, each with its test key (<see cref="TestDepartments.KeyFor"/>), so
/// <see cref="CenterHost.WriteLinesAsync"/> writes for any of them.
/// </summary>
public static class DemoProvince
{
    private static readonly Lazy<ProvinceCatalog> LoadedCatalog = new(() => CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml")));

    /// <summary>The demo catalog.</summary>
    public static ProvinceCatalog Catalog => LoadedCatalog.Value;

    /// <summary>The province's name on the wall.</summary>
    public const string ProvinceName = "Tỉnh Lai Châu";

    /// <summary>Every unit of the catalog, in the file's order.</summary>
    public static IReadOnlyList<CatalogDepartment> Units => Catalog.Departments;

    /// <summary>A unit's name in the catalog.</summary>
    public static string NameOf(string id) => Units.Single(u => u.Id == id).Name;

    /// <summary>Settings for a server with the catalog's units (each with its test key), plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = CenterHost.WithoutDepartmentList();
        for (var i = 0; i < Units.Count; i++)
        {
            settings[$"OperationsCenter:DepartmentKeys:{i}:Department"] = Units[i].Id;
            settings[$"OperationsCenter:DepartmentKeys:{i}:Sha256"] = DepartmentKeyResolver.Hash(TestDepartments.KeyFor(Units[i].Id));
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// One unit's report of every catalog metric, as the simulator sends it; <paramref name="round"/> moves the
    /// figures a little; <paramref name="linkUp"/> false reports its network link down.
    /// </summary>
    public static string Report(int unit, int round, bool linkUp = true) => string.Create(CultureInfo.InvariantCulture, $"""
        dossiers,desk=main received={40 + (unit * 3) + round}i,resolved_on_time={30 + unit + (round / 2)}i,overdue={(unit + round) % 4}i
        services,desk=main online_share_pct={70 + (unit % 20) + ((round % 5) / 10.0)}
        digital_skills registrations={1500 + (unit * 20) + round}i
        coverage villages_without_signal={unit % 3}i
        network,link=main up={(linkUp ? 1 : 0)}i,uptime_pct={99.2 + ((unit % 8) / 10.0)},latency_ms={18 + (unit % 30) + (round % 3)}
        monthly_report submitted=1i
        """);

    /// <summary>The Department of Science and Technology's LGSP report and the Department of Finance's budget report.</summary>
    public static string AgencyExtras(string unit, int round) => unit switch
    {
        "so-khcn" => string.Create(CultureInfo.InvariantCulture, $"lgsp,connection=main calls={1200 + round}i,errors={round % 3}i"),
        "so-tai-chinh" => string.Create(CultureInfo.InvariantCulture, $"budget,program=dx allocated=68,disbursed={38.5 + (round / 10.0)}"),
        _ => "",
    };

    /// <summary>Writes a report of every unit (concurrently, a few at a time).</summary>
    public static async Task WriteRoundAsync(CenterHost host, int round, Func<int, bool>? linkUp = null)
    {
        using var client = host.CreateClient();
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Units.Select(async (u, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var body = new StringBuilder(Report(i, round, linkUp?.Invoke(i) ?? true));
                var extra = AgencyExtras(u.Id, round);
                if (extra.Length > 0)
                {
                    body.Append('\n').Append(extra);
                }

                await IngestClient.WriteLinesAsync(client, u.Id, body.ToString());
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
