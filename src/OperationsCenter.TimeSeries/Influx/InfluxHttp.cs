using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>The HTTP details every InfluxDB endpoint shares: addresses, credentials, error bodies.</summary>
internal static class InfluxHttp
{
    // An error body is a sentence; anything longer is a proxy's HTML page and only its start is worth reporting.
    private const int MaxErrorChars = 2000;

    /// <summary>An endpoint under the base address, keeping any path prefix, with the non-null query parameters.</summary>
    public static Uri Endpoint(Uri baseUrl, string path, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        builder.Append('/').Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(builder.ToString());
    }

    /// <summary>
    /// Basic auth when a 1.x user is configured (2.x's compatibility API takes a token as the password too),
    /// otherwise the token as <c>Authorization: Token …</c>.
    /// </summary>
    public static void Authorize(HttpRequestMessage request, InfluxOptions options)
    {
        if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
        else if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
    }

    /// <summary>
    /// InfluxDB's own words for a failed request: <c>{"error": …}</c> (1.x), <c>{"message": …}</c> (2.x/3.x), the
    /// <c>X-Influxdb-Error</c> header, or the body text; the reason phrase when there is nothing else.
    /// </summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
        var fromJson = ErrorFromJson(text);
        if (fromJson is not null)
        {
            return fromJson;
        }

        if (response.Headers.TryGetValues("X-Influxdb-Error", out var header) && header.FirstOrDefault() is { Length: > 0 } h)
        {
            return h;
        }

        if (text.Length > 0)
        {
            return text.Length > MaxErrorChars ? text[..MaxErrorChars] + "…" : text;
        }

        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>The <c>error</c> or <c>message</c> member of a JSON error body, or null.</summary>
    public static string? ErrorFromJson(string text)
    {
        if (!text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var name in (ReadOnlySpan<string>)["error", "message"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the caller falls back to the header or the raw text.
        }

        return null;
    }

    /// <summary>A token that also fires after the request timeout.</summary>
    public static CancellationTokenSource WithTimeout(CancellationToken ct, TimeSpan timeout)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(timeout);
        }

        return source;
    }
}
