namespace OperationsCenter.Grains.Series;

/// <summary>Aggregates of one field over a rolling window ending now.</summary>
/// <param name="Window">Window name: <c>1m</c>, <c>5m</c>, <c>15m</c> or <c>1h</c>.</param>
/// <param name="Count">Points in the window (0 when the field was silent).</param>
/// <param name="Sum">Sum of values.</param>
/// <param name="Min">Smallest value, null when empty.</param>
/// <param name="Max">Largest value, null when empty.</param>
/// <param name="Last">Newest value, null when empty.</param>
/// <param name="Avg">Mean value, null when empty.</param>
[GenerateSerializer, Immutable]
public sealed record WindowStats(
    [property: Id(0)] string Window,
    [property: Id(1)] long Count,
    [property: Id(2)] double Sum,
    [property: Id(3)] double? Min,
    [property: Id(4)] double? Max,
    [property: Id(5)] double? Last,
    [property: Id(6)] double? Avg);
