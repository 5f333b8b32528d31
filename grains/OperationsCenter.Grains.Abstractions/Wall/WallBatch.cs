using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Wall;

/// <summary>What changed in one push interval.</summary>
[GenerateSerializer, Immutable]
public sealed record WallBatch(
    [property: Id(0)] ImmutableArray<SeriesUpdate> Series,
    [property: Id(1)] ImmutableArray<DepartmentStatus> Departments,
    [property: Id(2)] ImmutableArray<AlertView> Alerts,
    [property: Id(3)] ImmutableArray<AlertNotice> LeaderNotices);
