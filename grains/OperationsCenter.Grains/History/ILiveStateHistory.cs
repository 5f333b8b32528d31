using System.Collections.Immutable;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.History;

/// <summary>
/// Where grains restore from when they activate, so a restart does not blank the wall. The server backs it with
/// InfluxDB; without it grains start empty. Called only on activation, never in a request path.
/// </summary>
public interface ILiveStateHistory
{
    /// <summary>
    /// The newest stored values of every series of <paramref name="department"/>. The partitions of a department
    /// activate together, so an implementation should answer them from one read.
    /// </summary>
    Task<ImmutableArray<SeriesUpdate>> RestoreSeriesAsync(string department, CancellationToken cancellationToken);

    /// <summary>The department's stored series and newest point.</summary>
    Task<DepartmentRestore> RestoreDepartmentAsync(string department, CancellationToken cancellationToken);
}
