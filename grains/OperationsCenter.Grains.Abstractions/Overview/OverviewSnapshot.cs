using System.Collections.Immutable;
using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Grains.Overview;

/// <summary>The province at a glance: every department's status.</summary>
[GenerateSerializer, Immutable]
public sealed record OverviewSnapshot(
    [property: Id(0)] ImmutableArray<DepartmentStatus> Departments,
    [property: Id(1)] DateTimeOffset GeneratedAt);
