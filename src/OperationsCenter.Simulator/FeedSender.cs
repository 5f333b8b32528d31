using System.Net.Http.Headers;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>
/// Posts line protocol to the center's InfluxDB 1.x write endpoint with each department's own key, and counts what
/// was accepted and what was refused (an error is printed with the center's answer, which names the problem).
/// The keys are the demo's (<see cref="DemoKeys"/>) unless <c>keyFor</c> gives another department's key.
/// </summary>
internal sealed class FeedSender(HttpClient http, TextWriter errors, Func<string, string>? keyFor = null)
{
    private long _requests;
    private long _failures;

    /// <summary>Requests answered 204.</summary>
    public long Accepted => Interlocked.Read(ref _requests) - Interlocked.Read(ref _failures);

    /// <summary>Requests refused or not answered.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last failure's description, for a test's message; null when none.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Sends each department's body in parallel.</summary>
    public Task SendAsync(IEnumerable<(string Department, string Body)> bodies, CancellationToken ct) =>
        Task.WhenAll(bodies.Select(b => SendAsync(b.Department, b.Body, ct)));

    /// <summary>Sends one department's body.</summary>
    public async Task SendAsync(string department, string body, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", (keyFor ?? DemoKeys.For)(department));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Fail($"{department}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        catch (HttpRequestException ex)
        {
            Fail($"{department}: {ex.Message}");
        }
    }

    private void Fail(string description)
    {
        Interlocked.Increment(ref _failures);
        LastFailure = description;

        // Reports fail from parallel sends; a TextWriter is not safe for that.
        lock (errors)
        {
            errors.WriteLine(description);
        }
    }
}
