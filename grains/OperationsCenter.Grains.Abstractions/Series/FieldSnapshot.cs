using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>A numeric field's latest value and its rolling windows.</summary>
[GenerateSerializer, Immutable]
public sealed record FieldSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] ImmutableArray<WindowStats> Windows);
