using System.Collections.Immutable;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.History;

/// <summary>No history: grains start empty.</summary>
public sealed class NoLiveStateHistory : ILiveStateHistory
{
    /// <inheritdoc />
    public Task<ImmutableArray<SeriesUpdate>> RestoreSeriesAsync(string department, CancellationToken cancellationToken) =>
        Task.FromResult(ImmutableArray<SeriesUpdate>.Empty);

    /// <inheritdoc />
    public Task<DepartmentRestore> RestoreDepartmentAsync(string department, CancellationToken cancellationToken) =>
        Task.FromResult(new DepartmentRestore([], null));
}
