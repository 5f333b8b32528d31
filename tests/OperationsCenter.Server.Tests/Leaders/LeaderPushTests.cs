using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Leaders;

/// <summary>
/// Web Push to leaders through the real server process: a subscription stored through the leader's API receives a
/// push for a critical alert at a push service standing in on loopback, signed with VAPID and encrypted so the
/// browser's keys decrypt it to the alert; a push service's 410 removes its subscription, a 500 is retried and
/// counted as failed in <c>/metrics</c>; subscriptions and the
/// VAPID key survive a SIGKILL; the leader list keeps the alert once resolved.
/// </summary>
public sealed partial class LeaderPushTests
{
    private const string Rules = """
        rules:
          - name: push-down
            kind: threshold
            match: { measurement: t_push, field: down }
            above: 0
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất dịch vụ tại {department}", en: "Service down at {department}" }
            description: { vi: "Số dịch vụ ngừng là {value}.", en: "{value} services are down." }
        """;

    [Fact]
    public async Task A_critical_alert_is_pushed_signed_and_encrypted_a_gone_subscription_is_removed_and_subscriptions_survive_SIGKILL()
    {
        await using var center = await AlertCenter.StartAsync(Rules);
        using var push = new PushServiceStandIn();
        using var browser = new BrowserPushKeys();
        using var goneBrowser = new BrowserPushKeys();
        using var flakyBrowser = new BrowserPushKeys();
        using var leader = await center.Center.CreateClientAsync(TestUsers.Leader);

        var publicKey = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/push/key")).GetProperty("publicKey").GetString()!;
        var endpoint = push.Endpoint("phone");
        var goneEndpoint = push.Endpoint("old-tablet", HttpStatusCode.Gone);
        var flakyEndpoint = push.Endpoint("flaky-laptop", HttpStatusCode.InternalServerError);
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json(endpoint))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync("/api/v1/push/subscriptions", goneBrowser.Json(goneEndpoint))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync("/api/v1/push/subscriptions", flakyBrowser.Json(flakyEndpoint))).StatusCode);
        Assert.Equal(new[] { endpoint, goneEndpoint, flakyEndpoint }.Order(), (await EndpointsAsync(leader)).Order());

        // Bad input is told what to fix; operators may not subscribe.
        using (var bad = await leader.PostAsJsonAsync("/api/v1/push/subscriptions", new { endpoint, keys = new { p256dh = "abc", auth = "x" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("p256dh", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var operatorClient = await center.Center.CreateClientAsync(TestUsers.Operator))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json(endpoint))).StatusCode);
        }

        await center.WriteAsync("xa-ban-bo", "t_push,site=a down=2i");
        var received = await Await.UntilAsync(
            () => Task.FromResult(push.Received.FirstOrDefault(p => p.Id == "phone")), p => p is not null,
            "a push for the critical alert at the leader's subscription endpoint", TimeSpan.FromSeconds(30));

        VapidToken.Verify(received!.Authorization, publicKey, push.Origin);
        Assert.Equal("aes128gcm", received.ContentEncoding);
        Assert.False(string.IsNullOrEmpty(received.Ttl), "Expected a TTL header on the push.");
        var payload = JsonDocument.Parse(Encoding.UTF8.GetString(browser.Decrypt(received.Body))).RootElement;
        Assert.Contains("Mất dịch vụ tại", payload.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Khẩn cấp", payload.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Bản Bo", payload.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"từ \d{2}:\d{2}, \d{2}/\d{2}/\d{4}", payload.GetProperty("body").GetString());
        var fingerprint = payload.GetProperty("tag").GetString()!;
        Assert.Equal($"/leader.html#alert={fingerprint}", payload.GetProperty("url").GetString());
        Assert.Equal("firing", payload.GetProperty("kind").GetString());
        var alerts = await center.AlertsAsync();
        Assert.Contains(alerts, a => AlertCenter.Fingerprint(a) == fingerprint && AlertCenter.Rule(a) == "push-down");

        // The push service said 410 for the old tablet: its subscription is gone, the phone's stays.
        string[] kept = [.. new[] { endpoint, flakyEndpoint }.Order()];
        await Await.UntilAsync(async () => (await EndpointsAsync(leader)).Order().ToArray(), e => e.SequenceEqual(kept),
            "the subscription answered 410 removed, the others kept", TimeSpan.FromSeconds(20));

        // A push service failing (500) is tried again, then the push is counted as failed; the subscription stays.
        await Await.UntilAsync(() => Task.FromResult(push.Received.Count(p => p.Id == "flaky-laptop")), n => n >= 3,
            "three attempts at the failing push service", TimeSpan.FromSeconds(20));
        using (var admin = await center.Center.CreateClientAsync(TestUsers.Admin))
        {
            await Await.UntilAsync(() => admin.GetStringAsync("/metrics"), m => FailedPushes().IsMatch(m),
                "oc_notifications_failed_total{channel=\"webpush\"} 1 in /metrics", TimeSpan.FromSeconds(20));
        }

        Assert.Equal(3, push.Received.Count(p => p.Id == "flaky-laptop"));

        // SIGKILL: subscriptions and the VAPID key survive; the alert's resolution is pushed to the same phone.
        await center.RestartAsync("KILL");
        using var again = await center.Center.CreateClientAsync(TestUsers.Leader);
        Assert.Equal(kept, (await EndpointsAsync(again)).Order());
        Assert.Equal(publicKey, (await again.GetFromJsonAsync<JsonElement>("/api/v1/push/key")).GetProperty("publicKey").GetString());

        await center.WriteAsync("xa-ban-bo", "t_push,site=a down=0i");
        var resolved = await Await.UntilAsync(
            () => Task.FromResult(push.Received.Where(p => p.Id == "phone").Skip(1).FirstOrDefault()), p => p is not null,
            "a second push (the resolution) after the restart", TimeSpan.FromSeconds(30));
        VapidToken.Verify(resolved!.Authorization, publicKey, push.Origin);
        var resolution = JsonDocument.Parse(Encoding.UTF8.GetString(browser.Decrypt(resolved.Body))).RootElement;
        Assert.Equal("resolved", resolution.GetProperty("kind").GetString());
        Assert.Equal(fingerprint, resolution.GetProperty("tag").GetString());

        // The leader list keeps it, resolved, with how it ended.
        var listed = await Await.UntilAsync(
            () => again.GetFromJsonAsync<JsonElement>("/api/v1/alerts/leader?hours=24"),
            l => l.EnumerateArray().Any(e => e.GetProperty("alert").GetProperty("fingerprint").GetString() == fingerprint
                && e.GetProperty("alert").GetProperty("state").GetString() == "resolved"),
            "the resolved alert on the leader list", TimeSpan.FromSeconds(20));
        var entry = listed.EnumerateArray().Single(e => e.GetProperty("alert").GetProperty("fingerprint").GetString() == fingerprint);
        Assert.Equal("resolved", entry.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("alert").GetProperty("endsAt").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.GetAsync("/api/v1/alerts/leader?hours=0")).StatusCode);
    }

    [Fact]
    public async Task Without_Redis_subscriptions_the_VAPID_key_and_the_leader_list_are_kept_in_the_data_folder_across_SIGKILL()
    {
        using var rules = await RulesFolder.CreateAsync("rules.yaml", Rules);
        await using var center = await CenterProcess.StartAsync(rules.Settings()); // alert storage: Memory
        using var push = new PushServiceStandIn();
        using var browser = new BrowserPushKeys();
        var endpoint = push.Endpoint("phone");
        string publicKey;
        using (var leader = await center.CreateClientAsync(TestUsers.Leader))
        {
            publicKey = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/push/key")).GetProperty("publicKey").GetString()!;
            Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync("/api/v1/push/subscriptions", browser.Json(endpoint))).StatusCode);
            using var ingest = center.CreateClient();
            await IngestClient.WriteLinesAsync(ingest, "xa-ban-bo", "t_push,site=a down=1i");
            await Await.UntilAsync(() => Task.FromResult(push.Received.Count), n => n >= 1, "the push for the critical alert", TimeSpan.FromSeconds(30));
            await Await.UntilAsync(() => ListedAsync(leader), l => l.Length == 1, "the alert on the leader list", TimeSpan.FromSeconds(20));
        }

        await center.StopAsync("KILL");
        await center.StartAgainAsync();
        using var again = await center.CreateClientAsync(TestUsers.Leader);
        Assert.Equal([endpoint], await EndpointsAsync(again));
        Assert.Equal(publicKey, (await again.GetFromJsonAsync<JsonElement>("/api/v1/push/key")).GetProperty("publicKey").GetString());

        // The alert itself lived in memory and is gone; what leaders were sent is still listed.
        var listed = await ListedAsync(again);
        Assert.Single(listed);
        Assert.Equal("push-down", listed[0].GetProperty("alert").GetProperty("ruleName").GetString());
        Assert.True(File.Exists(Path.Combine(center.DataDirectory, "push-vapid.json")), "Expected the generated VAPID keys in the data folder.");
    }

    private static async Task<JsonElement[]> ListedAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts/leader?hours=24")).EnumerateArray()];

    [GeneratedRegex(@"oc_notifications_failed_total\{[^}]*channel=""webpush""[^}]*\} 1\b")]
    private static partial Regex FailedPushes();

    private static async Task<string[]> EndpointsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/push/subscriptions")).EnumerateArray().Select(s => s.GetProperty("endpoint").GetString()!)];
}
