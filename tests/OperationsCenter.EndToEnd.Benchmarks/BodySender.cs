using System.Diagnostics;
using System.Net.Http.Headers;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>Sends prepared bodies from a few concurrent senders, as many agents would, and times the whole.</summary>
internal static class BodySender
{
    /// <summary>
    /// Sends every body once, <paramref name="concurrency"/> at a time (each sender takes the next body when its last
    /// was answered); returns the time until the last answer.
    /// </summary>
    public static async Task<TimeSpan> SendAllAsync(IReadOnlyList<LineBody> bodies, int concurrency, Func<LineBody, Task> send)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                await send(bodies[i]);
            }
        }));
        return clock.Elapsed;
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/>, with the department key when given; throws unless 2xx.</summary>
    public static async Task PostAsync(HttpClient http, Uri url, byte[] body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Sends every body to the center's <c>/write</c> with its department's key.</summary>
    public static Task<TimeSpan> WriteAllAsync(HttpClient center, IReadOnlyList<LineBody> bodies, int concurrency) =>
        SendAllAsync(bodies, concurrency, body =>
            PostAsync(center, new Uri(center.BaseAddress!, "/write?db=ioc&precision=ns"), body.Plain, DemoDepartments.KeyFor(body.Department)));
}
