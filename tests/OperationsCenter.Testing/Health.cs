using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OperationsCenter.Testing;

/// <summary>Reads <c>/health</c> as a monitor would: its status code, and the same JSON body whether 200 or 503.</summary>
public static class Health
{
    /// <summary>The body, whatever the status.</summary>
    public static async Task<JsonElement> ReadAsync(HttpClient client) => (await ReadWithStatusAsync(client)).Body;

    /// <summary>The status code and the body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReadWithStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
