using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>Everything a series grain holds: latest values and rolling windows per numeric field.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesSnapshot(
    [property: Id(0)] string Key,
    [property: Id(1)] string Measurement,
    [property: Id(2)] string Department,
    [property: Id(3)] ImmutableDictionary<string, string> Tags,
    [property: Id(4)] ImmutableArray<FieldSnapshot> Fields,
    [property: Id(5)] DateTimeOffset LastTime,
    [property: Id(6)] long PointsReceived);
