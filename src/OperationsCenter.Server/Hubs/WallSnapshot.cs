using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Hubs;

/// <summary>
/// What a wall client gets when it connects, from this silo's <see cref="Wall.WallReadModel"/>: each part has the
/// shape of its push (<see cref="WallMessages.DepartmentsUpdated"/>, <see cref="WallMessages.SeriesUpdated"/>,
/// <see cref="WallMessages.AlertsUpdated"/>), so the page merges both the same way.
/// </summary>
/// <param name="Departments">Every department's latest status, ordered by id.</param>
/// <param name="Series">
/// The series the page shows, latest values only: for a wall page those of <see cref="Wall.WallSeriesSelection.Shows"/>,
/// for the leader view those of its headline indicators.
/// </param>
/// <param name="Alerts">Open alerts (pending, firing, acknowledged), most severe and newest first.</param>
/// <param name="GeneratedAt">When it was taken.</param>
public sealed record WallSnapshot(
    ImmutableArray<DepartmentStatus> Departments,
    ImmutableArray<SeriesUpdate> Series,
    ImmutableArray<AlertView> Alerts,
    DateTimeOffset GeneratedAt);
