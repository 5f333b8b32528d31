using System.Collections.Immutable;

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

    /// <summary>Current status.</summary>
    Task<DepartmentStatus> GetStatus();

    /// <summary>Keys of every series this department has reported.</summary>
    Task<ImmutableArray<string>> GetSeriesKeys();
}
