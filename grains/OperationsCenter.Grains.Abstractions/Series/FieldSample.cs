namespace OperationsCenter.Grains.Series;

/// <summary>
/// The points of one numeric field of one series that fell into one window bucket, merged at the edge
/// so a grain receives one sample per bucket instead of one call per point.
/// </summary>
/// <param name="Field">Field key.</param>
/// <param name="BucketStart">Start of the bucket, nanoseconds since the Unix epoch.</param>
/// <param name="Count">Number of points merged.</param>
/// <param name="Sum">Sum of their values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Last">Value of the newest point (by timestamp).</param>
/// <param name="LastTime">Timestamp of the newest point, nanoseconds since the Unix epoch.</param>
[GenerateSerializer, Immutable]
public readonly record struct FieldSample(
    [property: Id(0)] string Field,
    [property: Id(1)] long BucketStart,
    [property: Id(2)] long Count,
    [property: Id(3)] double Sum,
    [property: Id(4)] double Min,
    [property: Id(5)] double Max,
    [property: Id(6)] double Last,
    [property: Id(7)] long LastTime);
