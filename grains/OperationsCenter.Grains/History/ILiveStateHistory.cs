using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.History;

/// <summary>
/// Where grains restore from when they activate, so a restart does not blank the wall. The server backs it with
/// InfluxDB; without it grains start empty. Called only on activation, never in a request path.
/// </summary>
public interface ILiveStateHistory
{
    /// <summary>The series' newest stored values, or null when history has none.</summary>
    Task<SeriesUpdate?> RestoreSeriesAsync(string seriesKey, CancellationToken cancellationToken);

    /// <summary>The department's stored series and newest point.</summary>
    Task<DepartmentRestore> RestoreDepartmentAsync(string department, CancellationToken cancellationToken);
}
