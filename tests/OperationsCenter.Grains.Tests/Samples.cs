using System.Collections.Immutable;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests;

/// <summary>Builds the batches the edge would send.</summary>
internal static class Samples
{
    public static ImmutableArray<SeriesBatch> Batch(SeriesId series, DateTimeOffset time, params (string Field, double Value)[] values) =>
        [new SeriesBatch(series, 1, [.. values.Select(v => Sample(v.Field, time, v.Value))])];

    public static FieldSample Sample(string field, DateTimeOffset time, double value)
    {
        var nanos = UnixNanos.From(time);
        return new FieldSample(field, WindowBuckets.Of(nanos), 1, value, value, value, value, nanos);
    }
}
