using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OperationsCenter.Grains.Series;
using OperationsCenter.TimeSeries;

namespace OperationsCenter.Server.Hubs;

/// <summary>
/// Serialization code generated at build time for the series pushed to the wall (<see cref="WallMessages.SeriesUpdated"/>),
/// the hub's busiest message: tens of thousands of series updates a second at a province's peak, where the hub's
/// reflection-driven serializer took about twice as long. The page receives the same JSON as from the snapshot.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImmutableArray<SeriesUpdate>))]
internal sealed partial class SeriesPushJson : JsonSerializerContext
{
    /// <summary>
    /// <paramref name="series"/> as the hub writes them with <paramref name="hubOptions"/>: camelCase names, as generated,
    /// and the hub's encoder (Vietnamese text as it is, not escaped), which belongs to the writer.
    /// </summary>
    public static byte[] Serialize(ImmutableArray<SeriesUpdate> series, JsonSerializerOptions hubOptions)
    {
        using var buffer = new PooledBufferWriter(series.Length * 512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = hubOptions.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, series, Default.ImmutableArraySeriesUpdate);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
