using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

/// <summary>Reads live state over the public API, polling until what a test expects shows up.</summary>
internal static class LiveState
{
    /// <summary>The series of a measurement, as <c>GET /api/v1/series</c> returns them.</summary>
    public static async Task<JsonElement> SeriesAsync(CenterHost host, string measurement, string? department = null)
    {
        using var client = await host.CreateClientAsync(TestUsers.Operator);
        var url = $"/api/v1/series?measurement={Uri.EscapeDataString(measurement)}" +
                  (department is null ? "" : $"&department={Uri.EscapeDataString(department)}");
        return await client.GetFromJsonAsync<JsonElement>(url);
    }

    /// <summary>Polls until <paramref name="done"/> holds for the measurement's series.</summary>
    public static async Task<JsonElement> AwaitSeriesAsync(CenterHost host, string measurement, Func<JsonElement, bool> done, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var series = await SeriesAsync(host, measurement);
            if (done(series))
            {
                return series;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {expected}; /api/v1/series returned {series}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The latest value of a field of the only series in <paramref name="series"/>, or null.</summary>
    public static double? Field(JsonElement series, string field, int index = 0) =>
        series.GetArrayLength() <= index ? null :
        series[index].GetProperty("fields").EnumerateArray()
            .Where(f => f.GetProperty("name").GetString() == field)
            .Select(f => (double?)f.GetProperty("value").GetDouble())
            .FirstOrDefault();
}
