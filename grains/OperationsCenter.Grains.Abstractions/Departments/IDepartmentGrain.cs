using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Departments;

/// <summary>Aggregates one department's series: last seen, points, freshness.</summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Records what the edge received for this department.</summary>
    Task Report(DepartmentActivity activity);

    /// <summary>Activates the grain so its freshness timer runs even if it never reports.</summary>
    [OneWay]
    Task Wake();

    /// <summary>Evaluates its deadman and deadline rules again and reports every condition to its alert.</summary>
    [OneWay]
    Task Reevaluate();

    /// <summary>
    /// A dry run: how the department-scoped deadman and deadline rules of <paramref name="rules"/> judge the
    /// department now, every condition, nothing reported to any alert.
    /// </summary>
    Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> rules);

    /// <summary>Current status.</summary>
    Task<DepartmentStatus> GetStatus();

    /// <summary>Keys of every series this department has reported.</summary>
    Task<ImmutableArray<string>> GetSeriesKeys();
}
