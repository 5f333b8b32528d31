using System.Net;
using System.Text.Json;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>
/// Stands in for InfluxDB 2.x's <c>/api/v2/write</c>, which 1.6.7 lacks: forwards the body to the real influxd's
/// <c>/write?db=&lt;bucket&gt;&amp;precision=&lt;precision&gt;</c> and answers as 2.x would (204, or the error as
/// <c>{"code","message"}</c> with influxd's status). Unsigned fields are forwarded as integers, since 1.6.7 refuses
/// them where 2.x would store them.
/// </summary>
public sealed class V2WriteForwarder(HttpClient http, Uri influx)
{
    /// <summary>When set, write requests are answered with this status instead of being forwarded.</summary>
    public int? FailWith { get; set; }

    /// <summary>The <see cref="LoopbackServer"/> handler.</summary>
    public async Task HandleAsync(RecordedRequest request, HttpListenerResponse response)
    {
        if (request.Method != "POST" || request.Path != "/api/v2/write")
        {
            await LoopbackServer.ReplyJsonAsync(response, 404, """{"code":"not found","message":"path not found"}""");
            return;
        }

        if (FailWith is { } status)
        {
            await LoopbackServer.ReplyJsonAsync(response, status, Error("unavailable", $"test says {status}"), ("Retry-After", "1"));
            return;
        }

        var target = new Uri(influx, $"write?db={Uri.EscapeDataString(request.Query["bucket"] ?? "")}&precision={request.Query["precision"]}");
        using var forwarded = await http.PostAsync(target, new ReadOnlyMemoryContent(UnsignedFields.AsSignedIntegers(request.Body)));
        if (forwarded.IsSuccessStatusCode)
        {
            await LoopbackServer.ReplyEmptyAsync(response, 204);
            return;
        }

        var text = await forwarded.Content.ReadAsStringAsync();
        var message = InfluxHttp.ErrorFromJson(text) ?? text;
        await LoopbackServer.ReplyJsonAsync(response, (int)forwarded.StatusCode, Error("invalid", message));
    }

    private static string Error(string code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code, ["message"] = message });
}
