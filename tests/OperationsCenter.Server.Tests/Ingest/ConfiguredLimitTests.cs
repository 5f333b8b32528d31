using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>Limits set in configuration, each on its own real server: the rate limit, line count and past window, and failures.</summary>
public sealed class ConfiguredLimitTests
{
    [Fact]
    public async Task A_department_past_its_rate_gets_429_with_retry_after_while_other_departments_and_unknown_keys_do_not_touch_its_budget()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "1",
            ["OperationsCenter:Ingest:RateLimit:Burst"] = "3",
        });
        using var client = host.CreateClient();

        // A flood of unknown keys first: each is 401, and none is counted against a real department.
        for (var i = 0; i < 20; i++)
        {
            using var unknown = await client.SendAsync(Send.Lines("/write?db=ioc", "t_rate v=1", $"guessed-key-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        // The burst of 3 is taken (one more may be refilled meanwhile), then 429.
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await client.SendAsync(Send.Lines("/write?db=ioc", $"t_rate,desk=a v={i}", host.KeyFor("so-noi-vu")));
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                accepted++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429, got {(int)refused.StatusCode}: {text}");
            Assert.InRange(accepted, 3, 5);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "a 429 must carry Retry-After in whole seconds");
            var error = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString();
            Assert.Contains("too many requests for department \"so-noi-vu\"", error);
            Assert.Contains("1 requests per second with bursts of 3 (OperationsCenter:Ingest:RateLimit)", error);
        }

        // The v2 endpoint answers in its own shape.
        using (var v2 = await client.SendAsync(Send.Lines("/api/v2/write?bucket=ioc", "t_rate,desk=a v=9", host.KeyFor("so-noi-vu"))))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, v2.StatusCode);
            var answer = await v2.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("too many requests", answer.GetProperty("code").GetString());
            Assert.NotNull(v2.Headers.RetryAfter);
        }

        // Another department is unaffected.
        using (var other = await client.SendAsync(Send.Lines("/write?db=ioc", "t_rate,desk=b v=1", host.KeyFor("xa-ban-bo"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        }

        await LiveState.AwaitSeriesAsync(host, "t_rate", s => s.GetArrayLength() == 2, "so-noi-vu's accepted writes and xa-ban-bo's");
    }

    [Fact]
    public async Task Configured_line_count_and_past_window_are_enforced_and_named()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Ingest:Limits:MaxLinesPerRequest"] = "10",
            ["OperationsCenter:Ingest:Limits:MaxPastTime"] = "1.00:00:00",
        });
        using var client = host.CreateClient();
        var key = host.KeyFor("so-noi-vu");

        // Ten points with a comment and blank lines between them: within the limit, which counts points.
        var ten = "# header\n\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"t_lines,desk=d{i} v=1\n\n"));
        using (var ok = await client.SendAsync(Send.Lines("/write?db=ioc", ten, key)))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        using (var over = await client.SendAsync(Send.Lines("/write?db=ioc", ten + "t_lines,desk=d10 v=1", key)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
            Assert.Contains("more than 10 lines", (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (var old = await client.SendAsync(Send.Lines("/write?db=ioc&precision=s", $"t_past,desk=a v=1 {now - 3600}\nt_past,desk=b v=2 {now - (3 * 86_400)}", key)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
            var error = (await old.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.Contains("line 2: timestamp", error);
            Assert.Contains("is more than 1.00:00:00 behind the center's clock (limit OperationsCenter:Ingest:Limits:MaxPastTime)", error);
        }

        var series = await LiveState.AwaitSeriesAsync(host, "t_lines", s => s.GetArrayLength() == 10, "the ten points of the first request only");
        Assert.DoesNotContain(series.EnumerateArray(), s => s.GetProperty("tags").GetProperty("desk").GetString() == "d10");
        await LiveState.AwaitSeriesAsync(host, "t_past", s => s.GetArrayLength() == 1, "desk=a, an hour old");
    }

    [Fact]
    public async Task An_internal_failure_during_ingest_is_a_plain_json_500_without_a_stack_trace()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Spool:SegmentBytes"] = "1024",
        });
        using var client = host.CreateClient();
        await host.WriteLinesAsync("so-noi-vu", "t_fault v=1");

        // The spool's folder vanishes (a bad disk, a careless clean-up): the next segment cannot be created.
        Directory.Delete(host.DataDirectory, recursive: true);
        var body = string.Concat(Enumerable.Range(0, 100).Select(i => $"t_fault,desk=d{i} v=1\n"));
        foreach (var url in new[] { "/write?db=ioc", "/api/v2/write?bucket=ioc" })
        {
            using var response = await client.SendAsync(Send.Lines(url, body, host.KeyFor("so-noi-vu")));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"expected 500, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var root = JsonDocument.Parse(text).RootElement;
            var message = (root.TryGetProperty("error", out var v1) ? v1 : root.GetProperty("message")).GetString();
            Assert.Contains("the center failed to process this request (reference ", message);
            Assert.Contains("send it again", message);
            foreach (var leak in new[] { "Exception", "   at ", ".cs", host.DataDirectory, "OperationsCenter." })
            {
                Assert.DoesNotContain(leak, text);
            }
        }
    }
}
