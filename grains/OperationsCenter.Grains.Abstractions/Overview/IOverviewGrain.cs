using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Grains.Overview;

/// <summary>The province: one activation (key 0) holding every department's status.</summary>
public interface IOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>Records a department's new status.</summary>
    Task Update(DepartmentStatus status);

    /// <summary>Every configured or reporting department, ordered by id.</summary>
    Task<OverviewSnapshot> GetSnapshot();
}
