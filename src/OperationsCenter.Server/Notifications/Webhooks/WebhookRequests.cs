using System.Net.Http.Headers;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>The HTTP side of a delivery: the request sent and what is kept of a refusal.</summary>
internal static class WebhookRequests
{
    private const int ErrorBodyChars = 200;

    /// <summary>A POST of the JSON body to the receiver, with its bearer token if it has one.</summary>
    public static HttpRequestMessage Post(WebhookReceiverOptions receiver, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = content };
        if (!string.IsNullOrEmpty(receiver.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", receiver.BearerToken);
        }

        return request;
    }

    /// <summary>
    /// The start of an error answer's body: enough to say why, without reading a huge error page into the failure list.
    /// </summary>
    public static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            var buffer = new char[ErrorBodyChars + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            var text = new string(buffer, 0, Math.Min(read, ErrorBodyChars)).ReplaceLineEndings(" ");
            return read > ErrorBodyChars ? text + "…" : text;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }
}
