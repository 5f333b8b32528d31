using System.Text.Json;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>A point written over HTTP breaks a rule; a real webhook receiver gets the Alertmanager v4 firing, then the resolution.</summary>
public sealed class WebhookEndToEndTests
{
    private const string Rules = """
        rules:
          - name: link-down
            kind: threshold
            match: { measurement: t_hook, field: up }
            below: 1
            severity: critical
            owner: so-noi-vu
            title: { vi: "Mất kết nối {tag:link}", en: "Link {tag:link} down" }
            description: { vi: "Đường truyền mất", en: "The link is down" }
        """;

    [Fact]
    public async Task A_receiver_gets_the_firing_and_the_resolution_in_alertmanager_format()
    {
        await using var receivers = await WebhookReceivers.StartAsync();
        using var rules = await RulesFolder.CreateAsync("hook.yaml", Rules);
        await using var host = await CenterHost.StartAsync(rules.Settings(new Dictionary<string, string?>
        {
            ["OperationsCenter:Notifications:ExternalUrl"] = "http://ioc.laichau.test",
            ["OperationsCenter:Notifications:Receivers:0:Name"] = "duty-phone",
            ["OperationsCenter:Notifications:Receivers:0:Url"] = receivers.Url("/hook"),
            ["OperationsCenter:Notifications:Routes:0:Receiver"] = "duty-phone",
            ["OperationsCenter:Notifications:Routes:0:Matchers:severity"] = "critical",
        }));

        await host.WriteLinesAsync("xa-ban-bo", "t_hook,link=wan up=0i");
        var firing = await AwaitBodyAsync(receivers, "firing");
        Assert.Equal("4", firing.GetProperty("version").GetString());
        Assert.Equal("duty-phone", firing.GetProperty("receiver").GetString());
        Assert.Equal("http://ioc.laichau.test", firing.GetProperty("externalURL").GetString());
        var alert = firing.GetProperty("alerts")[0];
        Assert.Equal("link-down", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("xa-ban-bo", alert.GetProperty("labels").GetProperty("department").GetString());
        Assert.Equal("Link wan down", alert.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Matches("^[0-9a-f]{16}$", alert.GetProperty("fingerprint").GetString());

        await host.WriteLinesAsync("xa-ban-bo", "t_hook,link=wan up=1i");
        var resolved = await AwaitBodyAsync(receivers, "resolved");
        Assert.Equal(alert.GetProperty("fingerprint").GetString(), resolved.GetProperty("alerts")[0].GetProperty("fingerprint").GetString());
        Assert.NotEqual("0001-01-01T00:00:00Z", resolved.GetProperty("alerts")[0].GetProperty("endsAt").GetString());
    }

    private static async Task<JsonElement> AwaitBodyAsync(WebhookReceivers receivers, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var request in receivers.At("/hook"))
            {
                var body = JsonDocument.Parse(request.Body).RootElement;
                if (body.GetProperty("status").GetString() == status)
                {
                    return body;
                }
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"no '{status}' webhook within 15 s; received {receivers.At("/hook").Count} requests");
    }
}
