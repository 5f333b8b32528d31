using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.History;

/// <summary>No history: grains start empty.</summary>
public sealed class NoLiveStateHistory : ILiveStateHistory
{
    /// <inheritdoc />
    public Task<SeriesUpdate?> RestoreSeriesAsync(string seriesKey, CancellationToken cancellationToken) => Task.FromResult<SeriesUpdate?>(null);

    /// <inheritdoc />
    public Task<DepartmentRestore> RestoreDepartmentAsync(string department, CancellationToken cancellationToken) =>
        Task.FromResult(new DepartmentRestore([], null));
}
