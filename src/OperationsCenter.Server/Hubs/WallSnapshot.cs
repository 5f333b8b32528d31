using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Hubs;

/// <summary>What a wall client gets when it connects: the whole live state.</summary>
public sealed record WallSnapshot(ImmutableArray<DepartmentStatus> Departments, IReadOnlyList<SeriesSnapshot> Series, ImmutableArray<AlertView> Alerts, DateTimeOffset GeneratedAt);
