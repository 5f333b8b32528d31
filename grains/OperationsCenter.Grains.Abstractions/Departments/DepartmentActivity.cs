using System.Collections.Immutable;

namespace OperationsCenter.Grains.Departments;

/// <summary>What one department sent since the previous edge flush.</summary>
/// <param name="Points">Points received.</param>
/// <param name="SeriesKeys">Keys of series the edge saw for the first time since it started (the department lists them).</param>
/// <param name="ReceivedAt">When the newest of them arrived.</param>
[GenerateSerializer, Immutable]
public sealed record DepartmentActivity(
    [property: Id(0)] long Points,
    [property: Id(1)] ImmutableArray<string> SeriesKeys,
    [property: Id(2)] DateTimeOffset ReceivedAt);
