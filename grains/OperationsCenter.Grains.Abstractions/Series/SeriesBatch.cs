using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>What one series received since the previous edge flush.</summary>
/// <param name="Measurement">Measurement name.</param>
/// <param name="Department">Owning department id (the <c>department</c> tag).</param>
/// <param name="Tags">All tags, including <c>department</c>.</param>
/// <param name="Points">Number of points in the batch.</param>
/// <param name="Samples">Per field and bucket aggregates.</param>
[GenerateSerializer, Immutable]
public sealed record SeriesBatch(
    [property: Id(0)] string Measurement,
    [property: Id(1)] string Department,
    [property: Id(2)] ImmutableDictionary<string, string> Tags,
    [property: Id(3)] long Points,
    [property: Id(4)] ImmutableArray<FieldSample> Samples);
