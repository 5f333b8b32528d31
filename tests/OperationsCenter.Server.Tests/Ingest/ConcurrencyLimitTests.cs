using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// The caps on ingest requests in flight, on a real server with them set low: a department past its own cap and queue
/// gets 429 while another department is still served, and its waiting requests are kept; a body still being sent holds no processing slot; and past the center's
/// byte budget for bodies a request is refused, naming it.
/// </summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task Requests_past_a_departments_in_flight_cap_and_queue_get_429_while_other_departments_are_served_and_waiting_ones_are_kept()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:Concurrency:MaxRequests"] = "2",
            ["OperationsCenter:Ingest:Concurrency:QueueLimit"] = "0",
            ["OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment"] = "1",
            ["OperationsCenter:Ingest:Concurrency:QueuePerDepartment"] = "2",
        });
        using var client = host.CreateClient();

        // so-noi-vu's first request is admitted and stays in flight until its body is released.
        await using var first = await HeldRequest.StartAsync(host, "so-noi-vu", "t_inflight,desk=a1 v=1\n", "t_inflight,desk=a2 v=2\n");

        // Its agents fire six more at once: two wait for the department's slot, the other four are refused at once, say
        // why and when to retry, and nothing of them is kept.
        var flood = Enumerable.Range(0, 6).Select(i =>
            client.SendAsync(Send.Lines(i % 2 == 0 ? "/write?db=ioc" : "/api/v2/write?bucket=ioc", $"t_inflight,desk=f{i} v=1", host.KeyFor("so-noi-vu")))).ToList();
        var refused = await Await.UntilAsync(
            () => Task.FromResult(flood.Where(t => t.IsCompleted).ToList()), done => done.Count >= 4, "four of so-noi-vu's six extra requests refused at once");
        foreach (var answer in refused)
        {
            using var response = await answer;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429 past so-noi-vu's cap and queue, got {(int)response.StatusCode}: {text}");
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "a 429 must carry Retry-After in whole seconds");
            var root = JsonDocument.Parse(text).RootElement;
            var message = (root.TryGetProperty("error", out var v1) ? v1 : root.GetProperty("message")).GetString();
            Assert.Contains("too many requests in flight for department \"so-noi-vu\": the center works on at most 1 of a department's requests at once, " +
                            "with 2 waiting (OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment, QueuePerDepartment)", message);
        }

        // Another department still gets through.
        using (var other = await client.SendAsync(Send.Lines("/write?db=ioc", "t_inflight,desk=b v=1", host.KeyFor("xa-ban-bo"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        }

        // A body still being sent holds no processing slot: with both departments' bodies held, the center's cap of 2
        // is not reached and a third department's write goes straight through.
        await using (var second = await HeldRequest.StartAsync(host, "xa-ban-bo", "t_inflight,desk=b1 v=1\n", "t_inflight,desk=b2 v=2\n"))
        {
            using var through = await client.SendAsync(Send.Lines("/write?db=ioc", "t_inflight,desk=c v=1", host.KeyFor("phuong-tan-phong")));
            Assert.Equal(HttpStatusCode.NoContent, through.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, await second.FinishAsync());
        }

        // The two that waited are served, one after the other, once the held request is done.
        Assert.Equal(HttpStatusCode.NoContent, await first.FinishAsync());
        foreach (var waited in flood.Except(refused))
        {
            using var response = await waited;
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        // Slots are given back: so-noi-vu is served again.
        using (var again = await client.SendAsync(Send.Lines("/write?db=ioc", "t_inflight,desk=a3 v=3", host.KeyFor("so-noi-vu"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        var series = await LiveState.AwaitSeriesAsync(host, "t_inflight", s => s.GetArrayLength() == 9, "the admitted requests' nine desks");
        var desks = series.EnumerateArray().Select(s => s.GetProperty("tags").GetProperty("desk").GetString()).Order().ToList();
        Assert.Equal(["a1", "a2", "a3", "b", "b1", "b2", "c"], desks.Where(d => !d!.StartsWith('f')));
        Assert.Equal(2, desks.Count(d => d!.StartsWith('f')));
    }

    [Fact]
    public async Task A_request_that_waits_for_its_departments_slot_spends_one_token_of_its_rate()
    {
        // Three tokens, one request in flight, two waiting: all three are stored. A wait must not also spend a token on
        // the try before it (a bucket takes no token back), or the second one waiting would be refused for a rate it
        // never exceeded.
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "1",
            ["OperationsCenter:Ingest:RateLimit:Burst"] = "3",
            ["OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment"] = "1",
            ["OperationsCenter:Ingest:Concurrency:QueuePerDepartment"] = "2",
        });
        using var client = host.CreateClient();
        var limiters = host.Services.GetRequiredService<IngestLimiters>();

        await using var first = await HeldRequest.StartAsync(host, "so-noi-vu", "t_waited,desk=a1 v=1\n", "t_waited,desk=a2 v=2\n");
        var waiting = Enumerable.Range(0, 2)
            .Select(i => client.SendAsync(Send.Lines("/write?db=ioc", $"t_waited,desk=w{i} v=1", host.KeyFor("so-noi-vu"))))
            .ToList();
        await Await.UntilAsync(
            () => Task.FromResult(limiters.For("so-noi-vu").GetStatistics()?.CurrentQueuedCount ?? 0), queued => queued == 2 || waiting.Any(t => t.IsCompleted),
            "so-noi-vu's two requests waiting for its slot");
        Assert.All(waiting, t => Assert.False(t.IsCompleted, "a request that should wait for so-noi-vu's slot was answered before the held one finished"));

        Assert.Equal(HttpStatusCode.NoContent, await first.FinishAsync());
        foreach (var answer in waiting)
        {
            using var response = await answer;
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"a request that waited got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await LiveState.AwaitSeriesAsync(host, "t_waited", s => s.GetArrayLength() == 4, "the held request's two desks and the two that waited");
    }

    [Fact]
    public async Task Bodies_past_the_centers_byte_budget_get_429_naming_it_until_held_bodies_are_done()
    {
        // One held body (sent without a length) takes a 64 KiB buffer; the next request's 4 KiB no longer fits.
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:Concurrency:MaxBufferedBytes"] = "66000",
        });
        using var client = host.CreateClient();
        await using var held = await HeldRequest.StartAsync(host, "so-noi-vu", "t_budget,desk=a v=1\n", "t_budget,desk=a v=2\n");

        using (var refused = await client.SendAsync(Send.Lines("/api/v2/write?bucket=ioc", "t_budget,desk=b v=1", host.KeyFor("xa-ban-bo"))))
        {
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429 past the byte budget, got {(int)refused.StatusCode}: {text}");
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("(OperationsCenter:Ingest:Concurrency:MaxBufferedBytes)", JsonDocument.Parse(text).RootElement.GetProperty("message").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, await held.FinishAsync());
        using var accepted = await client.SendAsync(Send.Lines("/api/v2/write?bucket=ioc", "t_budget,desk=b v=1", host.KeyFor("xa-ban-bo")));
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }

    /// <summary>
    /// A write whose body is sent only once the server reads it (<c>Expect: 100-continue</c>, which Kestrel answers when
    /// the endpoint first reads the body, i.e. after the limits admitted it): its first part goes at once, the rest when
    /// finished, so the request stays in flight for as long as the test needs.
    /// </summary>
    private sealed class HeldRequest : IAsyncDisposable
    {
        private readonly HttpClient _client;
        private readonly HeldBody _body;
        private readonly Task<HttpResponseMessage> _response;

        private HeldRequest(CenterHost host, string department, string first, string rest)
        {
            _client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
            {
                BaseAddress = host.BaseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
            _body = new HeldBody(first, rest);
            var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = _body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", host.KeyFor(department));
            request.Headers.ExpectContinue = true;
            _response = _client.SendAsync(request);
        }

        /// <summary>Sends the request and returns once the server is reading its body.</summary>
        public static async Task<HeldRequest> StartAsync(CenterHost host, string department, string first, string rest)
        {
            var held = new HeldRequest(host, department, first, rest);
            var started = await Task.WhenAny(held._body.Started.Task, held._response, Task.Delay(TimeSpan.FromSeconds(10)));
            if (started != held._body.Started.Task)
            {
                var answer = held._response.IsCompleted ? $"{(int)held._response.Result.StatusCode} {await held._response.Result.Content.ReadAsStringAsync()}" : "nothing";
                throw new Xunit.Sdk.XunitException($"expected {department}'s request to be admitted and its body read within 10 s; the server answered {answer}");
            }

            return held;
        }

        /// <summary>Sends the rest of the body and returns the status.</summary>
        public async Task<HttpStatusCode> FinishAsync()
        {
            _body.Release.TrySetResult();
            using var response = await _response;
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            _body.Release.TrySetResult();
            try
            {
                (await _response).Dispose();
            }
            catch (HttpRequestException)
            {
                // A test that failed midway may leave the request cut off; nothing to clean up then.
            }

            _client.Dispose();
        }
    }

    /// <summary>A chunked body (no length) that signals when it starts being sent and sends its rest on release.</summary>
    private sealed class HeldBody(string first, string rest) : HttpContent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            Started.TrySetResult();
            await Release.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
