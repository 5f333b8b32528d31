using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>What one series received since the previous edge flush.</summary>
/// <param name="Series">The series.</param>
/// <param name="Points">Number of points in the batch.</param>
/// <param name="Samples">Per field and bucket aggregates.</param>
[GenerateSerializer, Immutable]
public sealed record SeriesBatch(
    [property: Id(0)] SeriesId Series,
    [property: Id(1)] long Points,
    [property: Id(2)] ImmutableArray<FieldSample> Samples);
