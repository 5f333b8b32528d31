using System.Net;
using System.Net.Http.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>Passwords cannot be guessed at speed, not even by guesses sent all at once.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private CenterHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Auth:SignInAttemptsPerMinute"] = "5" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Parallel_guesses_past_the_limit_get_429_with_retry_after_and_never_reach_the_password_check()
    {
        using var client = _host.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsJsonAsync("/auth/login", new { name = TestUsers.Operator.Name, password = $"guess-{i}" })));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(15, throttled.Count);
        Assert.All(throttled, a => Assert.Equal("60", a.Headers.GetValues("Retry-After").Single()));

        // Even the right password waits out the minute: the address has used its attempts.
        using var right = await client.PostAsJsonAsync("/auth/login", new { name = TestUsers.Operator.Name, password = TestUsers.Operator.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
