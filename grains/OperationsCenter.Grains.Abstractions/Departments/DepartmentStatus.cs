namespace OperationsCenter.Grains.Departments;

/// <summary>A department as the wall shows it.</summary>
/// <param name="Id">Department id (ASCII, as in the <c>department</c> tag).</param>
/// <param name="Name">Display name.</param>
/// <param name="LastSeen">When its last point arrived; null if never.</param>
/// <param name="PointsReceived">Points received since this grain activated.</param>
/// <param name="SeriesCount">Distinct series it has reported.</param>
/// <param name="Freshness">Fresh, late or silent.</param>
[GenerateSerializer, Immutable]
public sealed record DepartmentStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset? LastSeen,
    [property: Id(3)] long PointsReceived,
    [property: Id(4)] int SeriesCount,
    [property: Id(5)] Freshness Freshness);
