using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>What history says of a department after a restart.</summary>
/// <param name="SeriesKeys">Its series, so the wall lists them again.</param>
/// <param name="LastSeen">Time of its newest stored point; null if none.</param>
[GenerateSerializer, Immutable]
public sealed record DepartmentRestore(
    [property: Id(0)] ImmutableArray<string> SeriesKeys,
    [property: Id(1)] DateTimeOffset? LastSeen);
