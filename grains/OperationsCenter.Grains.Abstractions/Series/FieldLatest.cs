namespace OperationsCenter.Grains.Series;

/// <summary>The latest value of a numeric field.</summary>
/// <param name="Name">Field key.</param>
/// <param name="Value">Latest value.</param>
/// <param name="Time">Timestamp of that value.</param>
[GenerateSerializer, Immutable]
public readonly record struct FieldLatest(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset Time);
