using System.Text.Encodings.Web;
using System.Text.Json;

namespace OperationsCenter.Server.Commands;

/// <summary>JSON as a person pastes it into a settings file: Vietnamese letters as they are, not escaped.</summary>
internal static class CommandJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line of JSON.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
