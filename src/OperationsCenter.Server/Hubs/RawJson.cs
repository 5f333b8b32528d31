using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperationsCenter.Server.Hubs;

/// <summary>A hub message argument already serialized to UTF-8 JSON: the hub protocol writes it as it is.</summary>
/// <param name="Utf8">One complete JSON value.</param>
[JsonConverter(typeof(Converter))]
internal sealed record RawJson(byte[] Utf8)
{
    /// <summary>Writes the bytes unchanged; the hub never reads a <see cref="RawJson"/>.</summary>
    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("RawJson is only sent");

        // Made by System.Text.Json itself (SeriesPushJson), so checking it again would only cost.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
