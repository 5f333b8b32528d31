using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>A series whose latest values changed: what the wall is pushed.</summary>
/// <param name="Key">Canonical series key (measurement and sorted tags, line protocol escaped).</param>
/// <param name="Measurement">Measurement name.</param>
/// <param name="Department">Owning department id.</param>
/// <param name="Tags">All tags, including <c>department</c>.</param>
/// <param name="Fields">Latest value of every numeric field.</param>
/// <param name="LastTime">Timestamp of the newest point.</param>
[GenerateSerializer, Immutable]
public sealed record SeriesUpdate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Measurement,
    [property: Id(2)] string Department,
    [property: Id(3)] ImmutableDictionary<string, string> Tags,
    [property: Id(4)] ImmutableArray<FieldLatest> Fields,
    [property: Id(5)] DateTimeOffset LastTime);
