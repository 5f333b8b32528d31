using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Grains.Overview;

/// <summary>The province: one activation (key 0) holding every department's status.</summary>
public interface IOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>Records a department's new status. One-way: a department never waits on the overview, so no call
    /// chain between them can hold either up; a lost update is resent by the department's next report.</summary>
    [OneWay]
    Task Update(DepartmentStatus status);

    /// <summary>Every configured or reporting department, ordered by id.</summary>
    Task<OverviewSnapshot> GetSnapshot();
}
