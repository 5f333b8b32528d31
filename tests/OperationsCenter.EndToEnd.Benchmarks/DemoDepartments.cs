using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;
using OperationsCenter.Simulator;
using OperationsCenter.Testing;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// The departments every benchmark's load comes from: the catalog's 50 Lai Châu units with the demo's keys, as a whole
/// province sends (the test host's three departments would put a tenth of the departments' grains and limits to work).
/// </summary>
internal sealed class DemoDepartments
{
    private readonly Dictionary<string, string?> _settings = [];

    private DemoDepartments(IReadOnlyList<CatalogDepartment> units)
    {
        Ids = [.. units.Select(u => u.Id)];

        // The list is set in full rather than left to the catalog: it replaces the test list, whose entries the test
        // defaults set by index (a null to remove them would not survive a child process's environment).
        for (var i = 0; i < units.Count; i++)
        {
            _settings[$"OperationsCenter:Departments:{i}:Id"] = units[i].Id;
            _settings[$"OperationsCenter:Departments:{i}:Name"] = units[i].Name;
            _settings[$"OperationsCenter:DepartmentKeys:{i}:Department"] = units[i].Id;
            _settings[$"OperationsCenter:DepartmentKeys:{i}:Sha256"] = DepartmentKeyResolver.Hash(DemoKeys.For(units[i].Id));
        }
    }

    /// <summary>The units of <c>catalog/laichau.yaml</c>.</summary>
    public static DemoDepartments Instance { get; } = new(CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml")).Departments);

    /// <summary>Department ids, in the catalog's order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>A department's plain key (the center holds its hash).</summary>
    public static string KeyFor(string department) => DemoKeys.For(department);

    /// <summary>The settings that give a center these departments, with <paramref name="more"/> on top.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> more)
    {
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in more)
        {
            merged[key] = value;
        }

        return merged;
    }
}
